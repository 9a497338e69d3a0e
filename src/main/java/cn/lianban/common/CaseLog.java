package cn.lianban.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Appends to a case's audit trail (table case_event) in the caller's transaction. */
@Service
public class CaseLog {

    private final JdbcTemplate jdbc;
    private final IdentityService identity;

    public CaseLog(JdbcTemplate jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    public void record(String businessKey, String processInstanceId, String action, String detail) {
        var auth = identity.getCurrentAuthentication();
        String actor = auth == null || auth.getUserId() == null ? "system" : auth.getUserId();
        jdbc.update("INSERT INTO case_event(business_key, process_instance_id, occurred_at, actor, action, detail) "
                        + "VALUES (?,?,?,?,?,?)", businessKey, processInstanceId, Timestamp.from(now()), actor,
                action, detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000));
    }

    public List<CaseEvent> events(String businessKey) {
        return jdbc.query("SELECT * FROM case_event WHERE business_key = ? ORDER BY id",
                (rs, i) -> new CaseEvent(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail")), businessKey);
    }

    private static Instant now() {
        return EngineClock.now().toInstant();
    }

    public record CaseEvent(Instant at, String actor, String action, String detail) {
    }
}
