package cn.lianban.common;

import java.sql.Timestamp;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the backfills of the processes' projection tables (issue_summary, ticket_case) share: the instances that
 * have no row yet, and an instance's variables as the history has them now.
 */
public final class ProjectionBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionBackfill.class);
    /** A row's start time is written in the instance's first transaction, a moment after the engine's. */
    private static final long SAME_MOMENT_MS = 60_000;

    private ProjectionBackfill() {
    }

    /**
     * Saves, oldest first, the instances of process {@code processKey} whose business key has no row in
     * {@code table} (keyed by column business_key, started at column {@code startedColumn}); returns how many.
     * Cheap when every instance has its row: two counts.
     */
    public static int addMissing(HistoryService history, JdbcClient jdbc, String processKey, String table,
                                 String startedColumn, Consumer<HistoricProcessInstance> save) {
        List<HistoricProcessInstance> missing = withoutRow(history, jdbc, processKey, table, startedColumn);
        missing.forEach(save);
        if (!missing.isEmpty()) {
            LOG.info("{}: {} instance(s) of {} added from the process history", table, missing.size(), processKey);
        }
        return missing.size();
    }

    private static List<HistoricProcessInstance> withoutRow(HistoryService history, JdbcClient jdbc, String processKey,
                                                            String table, String startedColumn) {
        long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
        if (instances == 0) {
            return List.of();
        }
        // rows outlive the engine's history (kept longer for the figures): count only the rows of the time the
        // history still covers, or rows whose history is gone would hide instances that have no row
        Date oldest = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .orderByProcessInstanceStartTime().asc().listPage(0, 1).get(0).getStartTime();
        long rows = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + startedColumn + " >= ?")
                .param(new Timestamp(oldest.getTime() - SAME_MOMENT_MS)).query(Long.class).single();
        if (rows >= instances) {
            return List.of();
        }
        Set<String> known = jdbc.sql("SELECT business_key FROM " + table).query(String.class).set();
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .orderByProcessInstanceStartTime().asc().list().stream()
                .filter(pi -> pi.getBusinessKey() != null && !known.contains(pi.getBusinessKey())).toList();
    }

    /** The instance's variables of these names as they stand now (running or finished). */
    public static Map<String, Object> variables(HistoryService history, String processInstanceId, String... names) {
        Map<String, Object> variables = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableNameIn(names)
                .list().forEach(v -> variables.put(v.getName(), v.getValue()));
        return variables;
    }
}
