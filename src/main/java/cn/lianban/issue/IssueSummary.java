package cn.lianban.issue;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;

/**
 * Keeps table issue_summary current from the joint-handling process: {@link IssueStatusListener} on each step and
 * the steps that change what the case page shows without a new status (the clock, the departments, the meeting)
 * call {@link #update} in the engine's transaction, so a step that fails takes its row change back with it, the
 * dashboard counts one row per case and the case page reads a row instead of Camunda's history.
 */
@Service
class IssueSummary {

    private final JdbcClient jdbc;

    IssueSummary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the case's row as its variables have it now (the row on filing, filed and, when CLOSED, closed now). */
    void update(DelegateExecution execution) {
        Instant now = EngineClock.now().toInstant();
        save(new IssueVariables(execution).issueCase(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), now, now));
    }

    /**
     * Updates the case's row, or inserts it filed at {@code filedAt} (an update keeps the row's). Colour and level
     * stay as they were while the case has none.
     */
    void save(IssueCase c) {
        SqlParameterSource params = params(c);
        int updated = jdbc.sql("UPDATE issue_summary SET color = COALESCE(:color, color), "
                        + "level = COALESCE(:level, level), status = :status, due_at = :dueAt, closed_at = :closedAt, "
                        + "escalations = :escalations, title = :title, description = :description, "
                        + "community_name = :communityName, status_label = :statusLabel, lead_dept = :leadDept, "
                        + "co_depts = :coDepts, handle_group = :handleGroup, meeting_at = :meetingAt, "
                        + "meeting_place = :meetingPlace, clock_start = :clockStart, clock_due = :clockDue, "
                        + "clock_running = :clockRunning, location = :location, lat = :lat, lon = :lon, "
                        + "grid_code = :gridCode, grid_name = :gridName, "
                        + "community_satisfaction = :communitySatisfaction, "
                        // the resident's own rating, recorded after the case closed (ResidentCaseRatings), stays
                        + "satisfaction_by = CASE WHEN resident_satisfaction IS NULL THEN :satisfactionBy "
                        + "ELSE satisfaction_by END "
                        + "WHERE business_key = :businessKey")
                .paramSource(params).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO issue_summary (business_key, process_instance_id, community_code, area_code, "
                            + "street_code, category, color, level, status, due_at, closed_at, escalations, filed_at, "
                            + "title, description, community_name, status_label, lead_dept, co_depts, handle_group, "
                            + "meeting_at, meeting_place, clock_start, clock_due, clock_running, location, lat, lon, "
                            + "grid_code, grid_name, community_satisfaction, satisfaction_by) VALUES (:businessKey, "
                            + ":processInstanceId, :communityCode, :areaCode, :streetCode, :category, :color, :level, "
                            + ":status, :dueAt, :closedAt, :escalations, :filedAt, :title, :description, "
                            + ":communityName, :statusLabel, :leadDept, :coDepts, :handleGroup, :meetingAt, "
                            + ":meetingPlace, :clockStart, :clockDue, :clockRunning, :location, :lat, :lon, :gridCode, "
                            + ":gridName, :communitySatisfaction, :satisfactionBy)")
                    .paramSource(params).update();
        }
    }

    /**
     * The record's fields by name, instants as timestamps, enums by name and the co-departments joined with commas,
     * as the columns take them.
     */
    private static SqlParameterSource params(IssueCase c) {
        return new SimplePropertySqlParameterSource(c) {
            @Override
            public Object getValue(String name) {
                Object value = super.getValue(name);
                return value instanceof Instant i ? Timestamp.from(i) : value instanceof Enum<?> e ? e.name()
                        : "coDepts".equals(name) ? String.join(",", c.coDepts()) : value;
            }
        };
    }
}
