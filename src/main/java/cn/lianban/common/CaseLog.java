package cn.lianban.common;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Appends to a case's audit trail (table case_event) in the caller's transaction. */
@Service
public class CaseLog {

    private final JdbcClient jdbc;
    private final IdentityService identity;

    public CaseLog(JdbcClient jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    public void record(String businessKey, String processInstanceId, String action, String detail) {
        record(new Entry(businessKey, processInstanceId, action, detail));
    }

    public void record(Entry e) {
        var auth = identity.getCurrentAuthentication();
        String actor = auth != null && auth.getUserId() != null ? auth.getUserId()
                : Grants.liftedUser() != null ? Grants.liftedUser() : "system";
        jdbc.sql("INSERT INTO case_event(business_key, process_instance_id, occurred_at, actor, action, detail, "
                        + "dept_code, community_code, street_code, on_time, score, due_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(e.businessKey, e.processInstanceId, Timestamp.from(now()), actor, e.action,
                        e.detail == null || e.detail.length() <= 2000 ? e.detail : e.detail.substring(0, 2000),
                        e.deptCode, e.communityCode, e.streetCode, e.onTime, e.score,
                        e.dueAt == null ? null : Timestamp.from(e.dueAt))
                .update();
    }

    public List<CaseEvent> events(String businessKey) {
        return jdbc.sql("SELECT occurred_at AS at, actor, action, detail FROM case_event WHERE business_key = ? "
                + "ORDER BY id").param(businessKey).query(CaseEvent.class).list();
    }

    private static Instant now() {
        return EngineClock.now().toInstant();
    }

    /** One audit entry; the measures (department, place, on time, score, due) are filled where they apply. */
    public static final class Entry {
        private final String businessKey;
        private final String processInstanceId;
        private final String action;
        private final String detail;
        private String deptCode;
        private String communityCode;
        private String streetCode;
        private Boolean onTime;
        private Integer score;
        private Instant dueAt;

        public Entry(String businessKey, String processInstanceId, String action, String detail) {
            this.businessKey = businessKey;
            this.processInstanceId = processInstanceId;
            this.action = action;
            this.detail = detail;
        }

        public Entry dept(String code) {
            this.deptCode = code;
            return this;
        }

        public Entry place(String community, String street) {
            this.communityCode = community;
            this.streetCode = street;
            return this;
        }

        public Entry onTime(boolean value) {
            this.onTime = value;
            return this;
        }

        public Entry score(int value) {
            this.score = value;
            return this;
        }

        public Entry due(Instant value) {
            this.dueAt = value;
            return this;
        }
    }

    public record CaseEvent(Instant at, String actor, String action, String detail) {
    }
}
