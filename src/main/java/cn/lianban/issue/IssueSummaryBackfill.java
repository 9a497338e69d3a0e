package cn.lianban.issue;

import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * At startup, from Camunda's history: cases filed before issue_summary existed (or whose row went missing) get
 * their row, and rows marked {@value #RESYNC} (V13: written with the first, coarse statuses) get the process's
 * state again, so the dashboard counts every case with the contract's status. Cheap when there is nothing to do:
 * two counts and one indexed look-up.
 */
@Component
@Order(30)
public class IssueSummaryBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IssueSummaryBackfill.class);
    private static final String KEY = "joint-handling";
    /** The status of a row that waits for its case's state to be read again. */
    public static final String RESYNC = "RESYNC";

    private final HistoryService history;
    private final JdbcTemplate jdbc;

    public IssueSummaryBackfill(HistoryService history, JdbcTemplate jdbc) {
        this.history = history;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        backfill();
    }

    /** Adds the missing rows and refreshes those marked {@value #RESYNC}; returns how many rows it wrote. */
    public int backfill() {
        return resync() + addMissing();
    }

    private int resync() {
        int refreshed = 0;
        for (String id : jdbc.queryForList("SELECT process_instance_id FROM issue_summary WHERE status = ?",
                String.class, RESYNC)) {
            HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            if (pi != null) {
                Row row = row(pi, variables(id));
                jdbc.update("UPDATE issue_summary SET color = ?, level = ?, status = ?, due_at = ?, closed_at = ?, "
                                + "escalations = ? WHERE process_instance_id = ?", row.color(), row.level(),
                        row.status(), row.due(), row.closed(), row.escalations(), id);
                refreshed++;
            }
        }
        if (refreshed > 0) {
            LOG.info("issue_summary: {} case(s) refreshed from the process history", refreshed);
        }
        return refreshed;
    }

    private int addMissing() {
        long cases = history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY).count();
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM issue_summary", Long.class);
        if (rows != null && rows >= cases) {
            return 0;
        }
        Set<String> known = new HashSet<>(jdbc.queryForList("SELECT business_key FROM issue_summary", String.class));
        int added = 0;
        for (HistoricProcessInstance pi : history.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .orderByProcessInstanceStartTime().asc().list()) {
            if (pi.getBusinessKey() != null && !known.contains(pi.getBusinessKey())) {
                insert(pi, variables(pi.getId()));
                added++;
            }
        }
        if (added > 0) {
            LOG.info("issue_summary: {} case(s) added from the process history", added);
        }
        return added;
    }

    private Map<String, Object> variables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn("communityCode", "areaCode", "streetCode", "category", "color", "level", "status",
                        "dueDate", "escalations").list()
                .forEach(v -> values.put(v.getName(), v.getValue()));
        return values;
    }

    /** The case's state as the history has it. */
    private record Row(Object color, Integer level, String status, Timestamp due, Timestamp closed,
                       int escalations) {
    }

    private static Row row(HistoricProcessInstance pi, Map<String, Object> v) {
        String status = v.get("status") == null ? IssueStatus.RATING : v.get("status").toString();
        Timestamp closed = IssueStatus.CLOSED.equals(status) && pi.getEndTime() != null
                ? new Timestamp(pi.getEndTime().getTime()) : null;
        return new Row(v.get("color"), v.get("level") instanceof Number n ? n.intValue() : null, status,
                v.get("dueDate") instanceof Date d ? new Timestamp(d.getTime()) : null, closed,
                v.get("escalations") instanceof Number n ? n.intValue() : 0);
    }

    private void insert(HistoricProcessInstance pi, Map<String, Object> v) {
        Row row = row(pi, v);
        jdbc.update("INSERT INTO issue_summary (business_key, process_instance_id, community_code, area_code, "
                        + "street_code, category, color, level, status, due_at, closed_at, escalations, filed_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                pi.getBusinessKey(), pi.getId(), v.get("communityCode"), v.get("areaCode"), v.get("streetCode"),
                v.get("category"), row.color(), row.level(), row.status(), row.due(), row.closed(), row.escalations(),
                new Timestamp(pi.getStartTime().getTime()));
    }
}
