package cn.lianban.ticket;

import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.namedparam.SimplePropertySqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;

/**
 * Keeps table ticket_case current from the ticket process: {@link TicketStatusListener} on every step (registration
 * inserts the row) and the steps that change a ticket without a new status call it in the engine's transaction, so
 * a step that fails takes its row change back with it.
 */
@Component
class TicketCases {

    private final JdbcClient jdbc;

    TicketCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ticket entered a status now: its row as the variables have it, the step's time, closed when it ended. */
    void entered(DelegateExecution execution, TicketStatus status) {
        Instant now = EngineClock.now().toInstant();
        save(row(execution, now, status.ended() ? now : null));
    }

    /** The ticket changed within its step (marked overdue): the row as the variables have it. */
    void changed(DelegateExecution execution) {
        save(row(execution, null, null));
    }

    private static TicketCase row(DelegateExecution execution, Instant statusAt, Instant closedAt) {
        return new TicketVariables(execution).ticketCase(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), EngineClock.now().toInstant(), statusAt, closedAt);
    }

    /**
     * Updates the ticket's row, or inserts it raised at {@code raisedAt}; a null {@code statusAt} or
     * {@code closedAt} keeps the row's.
     */
    void save(TicketCase c) {
        int updated = jdbc.sql("UPDATE ticket_case SET item_code = :itemCode, item_name = :itemName, title = :title, "
                        + "description = :description, location = :location, community_code = :communityCode, "
                        + "community_name = :communityName, grid_code = :gridCode, grid_name = :gridName, "
                        + "street_code = :streetCode, raised_by = :raisedBy, raised_via = :raisedVia, "
                        + "member_id = :memberId, member_name = :memberName, dept_code = :deptCode, "
                        + "dept_name = :deptName, status = :status, status_at = COALESCE(:statusAt, status_at), "
                        + "returns = :returns, reopens = :reopens, resolve_days = :resolveDays, "
                        + "accept_by = :acceptBy, accepted_at = :acceptedAt, resolve_by = :resolveBy, "
                        + "resolved_at = :resolvedAt, closed_at = COALESCE(:closedAt, closed_at), "
                        + "clock_start = :clockStart, clock_due = :clockDue, clock_running = :clockRunning, "
                        + "overdue = :overdue, result = :result, solved = :solved, satisfaction = :satisfaction, "
                        + "joint_case_key = :jointCaseKey, lat = :lat, lon = :lon, reporter_phone_last4 = :reporterPhoneLast4, "
                        + "satisfaction_by = :satisfactionBy WHERE business_key = :businessKey")
                .paramSource(params(c)).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ticket_case (business_key, process_instance_id, item_code, item_name, title, "
                            + "description, location, community_code, community_name, grid_code, grid_name, "
                            + "street_code, raised_by, raised_via, member_id, member_name, dept_code, dept_name, "
                            + "status, status_at, returns, reopens, resolve_days, raised_at, accept_by, accepted_at, "
                            + "resolve_by, resolved_at, closed_at, clock_start, clock_due, clock_running, overdue, "
                            + "result, solved, satisfaction, joint_case_key, lat, lon, reporter_phone_last4, satisfaction_by) VALUES (:businessKey, :processInstanceId, :itemCode, "
                            + ":itemName, :title, :description, :location, :communityCode, :communityName, "
                            + ":gridCode, :gridName, :streetCode, :raisedBy, :raisedVia, :memberId, :memberName, "
                            + ":deptCode, :deptName, :status, COALESCE(CAST(:statusAt AS TIMESTAMP), CAST(:raisedAt AS TIMESTAMP)), :returns, :reopens, "
                            + ":resolveDays, :raisedAt, :acceptBy, :acceptedAt, :resolveBy, :resolvedAt, :closedAt, "
                            + ":clockStart, :clockDue, :clockRunning, :overdue, :result, :solved, :satisfaction, "
                            + ":jointCaseKey, :lat, :lon, :reporterPhoneLast4, :satisfactionBy)")
                    .paramSource(params(c)).update();
        }
    }

    /** The record's fields by name, instants as timestamps and the channel by name, as the columns take them. */
    private static SqlParameterSource params(TicketCase c) {
        return new SimplePropertySqlParameterSource(c) {
            @Override
            public Object getValue(String name) {
                Object value = super.getValue(name);
                return value instanceof Instant i ? Timestamp.from(i) : value instanceof Enum<?> e ? e.name() : value;
            }
        };
    }
}
