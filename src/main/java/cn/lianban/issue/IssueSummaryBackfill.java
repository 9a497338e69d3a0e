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
 * Cases filed before issue_summary existed (or whose row went missing) get their row from Camunda's history at
 * startup, so the dashboard counts every case. Cheap when nothing is missing: two counts.
 */
@Component
@Order(30)
public class IssueSummaryBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IssueSummaryBackfill.class);
    private static final String KEY = "joint-handling";

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

    /** Adds the missing rows; returns how many. */
    public int backfill() {
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
        LOG.info("issue_summary: {} case(s) added from the process history", added);
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

    private void insert(HistoricProcessInstance pi, Map<String, Object> v) {
        String status = v.get("status") == null ? IssueStatus.RATING : v.get("status").toString();
        Timestamp closed = IssueStatus.CLOSED.equals(status) && pi.getEndTime() != null
                ? new Timestamp(pi.getEndTime().getTime()) : null;
        jdbc.update("INSERT INTO issue_summary (business_key, process_instance_id, community_code, area_code, "
                        + "street_code, category, color, level, status, due_at, closed_at, escalations, filed_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                pi.getBusinessKey(), pi.getId(), v.get("communityCode"), v.get("areaCode"), v.get("streetCode"),
                v.get("category"), v.get("color"), v.get("level") instanceof Number n ? n.intValue() : null, status,
                v.get("dueDate") instanceof Date d ? new Timestamp(d.getTime()) : null, closed,
                v.get("escalations") instanceof Number n ? n.intValue() : 0, new Timestamp(pi.getStartTime().getTime()));
    }
}
