package cn.lianban.issue;

import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** The case variables the row is made of. */
    static final List<String> VARIABLES = List.of("communityCode", "areaCode", "streetCode", "category", "color",
            "level", "status", "dueDate", "escalations");

    private final JdbcTemplate jdbc;

    public IssueSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the case's current colour, level, status, due date and escalations (the row on filing). */
    public void update(DelegateExecution execution) {
        Timestamp now = Timestamp.from(EngineClock.now().toInstant());
        Map<String, Object> variables = new HashMap<>();
        VARIABLES.forEach(name -> variables.put(name, execution.getVariable(name)));
        save(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), variables, now, now);
    }

    /**
     * Updates the case's row from its variables, or inserts it filed at {@code filedAt}; {@code closedAt} is kept
     * only when the status is CLOSED.
     */
    void save(String businessKey, String processInstanceId, Map<String, Object> variables, Timestamp filedAt,
              Timestamp closedAt) {
        String status = variables.get("status") == null ? IssueStatus.RATING : variables.get("status").toString();
        Object due = variables.get("dueDate");
        Object[] state = {text(variables, "color"), number(variables, "level"), status,
                due instanceof Date d ? new Timestamp(d.getTime()) : null,
                IssueStatus.CLOSED.equals(status) ? closedAt : null,
                number(variables, "escalations") == null ? 0 : number(variables, "escalations")};
        int updated = jdbc.update("UPDATE issue_summary SET color = COALESCE(?, color), level = COALESCE(?, level), "
                + "status = ?, due_at = ?, closed_at = ?, escalations = ? WHERE business_key = ?",
                state[0], state[1], state[2], state[3], state[4], state[5], businessKey);
        if (updated == 0) {
            jdbc.update("INSERT INTO issue_summary (business_key, process_instance_id, community_code, area_code, "
                            + "street_code, category, color, level, status, due_at, closed_at, escalations, filed_at) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    businessKey, processInstanceId, text(variables, "communityCode"), text(variables, "areaCode"),
                    text(variables, "streetCode"), text(variables, "category"), state[0], state[1], state[2],
                    state[3], state[4], state[5], filedAt);
        }
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    private static Integer number(Map<String, Object> variables, String name) {
        return variables.get(name) instanceof Number n ? n.intValue() : null;
    }
}
