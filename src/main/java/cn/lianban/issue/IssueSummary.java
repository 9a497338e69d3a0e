package cn.lianban.issue;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;

/**
 * Keeps table issue_summary current from the joint-handling process: the delegates that change a case (and
 * {@link IssueStatusListener}, on each step) call {@link #update} in the engine's transaction, so the dashboard
 * counts one row per case instead of scanning Camunda's history.
 */
@Service
class IssueSummary {

    /** A case's row as its variables have it ({@link IssueVariables#summaryRow()}). */
    record Row(String communityCode, String areaCode, String streetCode, String category, String color, Integer level,
               String status, Instant due, long escalations) {
    }

    private final JdbcClient jdbc;

    IssueSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the case's current colour, level, status, due date and escalations (the row on filing). */
    void update(DelegateExecution execution) {
        Timestamp now = Timestamp.from(EngineClock.now().toInstant());
        save(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                new IssueVariables(execution).summaryRow(), now, now);
    }

    /**
     * Updates the case's row, or inserts it filed at {@code filedAt}; {@code closedAt} is kept only when the status
     * is CLOSED. Colour and level stay as they were while the case has none.
     */
    void save(String businessKey, String processInstanceId, Row row, Timestamp filedAt, Timestamp closedAt) {
        Timestamp due = row.due() == null ? null : Timestamp.from(row.due());
        Timestamp closed = IssueStatus.CLOSED.name().equals(row.status()) ? closedAt : null;
        int updated = jdbc.sql("UPDATE issue_summary SET color = COALESCE(:color, color), "
                        + "level = COALESCE(:level, level), status = :status, due_at = :due, closed_at = :closed, "
                        + "escalations = :escalations WHERE business_key = :key")
                .param("color", row.color()).param("level", row.level()).param("status", row.status())
                .param("due", due).param("closed", closed).param("escalations", row.escalations())
                .param("key", businessKey).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO issue_summary (business_key, process_instance_id, community_code, area_code, "
                            + "street_code, category, color, level, status, due_at, closed_at, escalations, filed_at) "
                            + "VALUES (:key, :instance, :community, :area, :street, :category, :color, :level, "
                            + ":status, :due, :closed, :escalations, :filed)")
                    .param("key", businessKey).param("instance", processInstanceId)
                    .param("community", row.communityCode()).param("area", row.areaCode())
                    .param("street", row.streetCode()).param("category", row.category()).param("color", row.color())
                    .param("level", row.level()).param("status", row.status()).param("due", due)
                    .param("closed", closed).param("escalations", row.escalations()).param("filed", filedAt)
                    .update();
        }
    }
}
