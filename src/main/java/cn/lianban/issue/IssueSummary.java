package cn.lianban.issue;

import java.sql.Timestamp;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;

/**
 * Keeps table issue_summary current from the joint-handling process: the delegates that change a case (and
 * {@link IssueStatus}, on each step) call {@link #update} in the engine's transaction, so the dashboard counts one
 * row per case instead of scanning Camunda's history. Its status is the process variable {@code status}; a case
 * just registered waits for rating.
 */
@Service
public class IssueSummary {

    private final JdbcTemplate jdbc;

    public IssueSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the case's current colour, level, status, due date and escalations (the row on filing). */
    public void update(DelegateExecution execution) {
        Timestamp now = Timestamp.from(EngineClock.now().toInstant());
        String status = text(execution, "status") == null ? IssueStatus.RATING : text(execution, "status");
        Object due = execution.getVariable("dueDate");
        Object[] state = {text(execution, "color"), number(execution, "level"), status,
                due instanceof Date d ? new Timestamp(d.getTime()) : null,
                IssueStatus.CLOSED.equals(status) ? now : null,
                number(execution, "escalations") == null ? 0 : number(execution, "escalations")};
        int updated = jdbc.update("UPDATE issue_summary SET color = COALESCE(?, color), level = COALESCE(?, level), "
                + "status = ?, due_at = ?, closed_at = ?, escalations = ? WHERE business_key = ?",
                state[0], state[1], state[2], state[3], state[4], state[5], execution.getProcessBusinessKey());
        if (updated == 0) {
            jdbc.update("INSERT INTO issue_summary (business_key, process_instance_id, community_code, area_code, "
                            + "street_code, category, color, level, status, due_at, closed_at, escalations, filed_at) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                    text(execution, "communityCode"), text(execution, "areaCode"), text(execution, "streetCode"),
                    text(execution, "category"), state[0], state[1], state[2], state[3], state[4], state[5], now);
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static Integer number(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof Number n ? n.intValue() : null;
    }
}
