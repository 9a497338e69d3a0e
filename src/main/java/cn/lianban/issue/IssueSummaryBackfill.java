package cn.lianban.issue;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.ProjectionBackfill;
import cn.lianban.startup.StartupStep;

/**
 * At startup, from Camunda's history: cases filed before issue_summary existed (or whose row went missing) get their
 * row, and rows marked {@value #RESYNC} (V13: written with the first, coarse statuses; V22: written before the row kept
 * what the case page shows) get the process's state again, so the dashboard counts every case with the contract's
 * status. Cheap when there is nothing to do: two counts and one indexed look-up.
 */
@Component
@Order(70)
public class IssueSummaryBackfill implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(IssueSummaryBackfill.class);
    private static final String KEY = "joint-handling";
    /** The status of a row that waits for its case's state to be read again. */
    static final String RESYNC = "RESYNC";

    private final HistoryService history;
    private final IssueSummary summary;
    private final JdbcClient jdbc;

    IssueSummaryBackfill(HistoryService history, IssueSummary summary, JdbcClient jdbc) {
        this.history = history;
        this.summary = summary;
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        backfill();
    }

    /** Adds the missing rows and refreshes those marked {@value #RESYNC}; returns how many rows it wrote. */
    public int backfill() {
        return resync() + addMissing();
    }

    private int resync() {
        int refreshed = 0;
        for (String id : jdbc.sql("SELECT process_instance_id FROM issue_summary WHERE status = ?")
                .param(RESYNC).query(String.class).list()) {
            HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            if (pi != null) {
                save(pi);
                refreshed++;
            }
        }
        if (refreshed > 0) {
            LOG.info("issue_summary: {} case(s) refreshed from the process history", refreshed);
        }
        return refreshed;
    }

    private int addMissing() {
        return ProjectionBackfill.addMissing(history, jdbc, KEY, "issue_summary", "filed_at", this::save);
    }

    /** The row as the history has the case: filed when the process started, closed when it ended. */
    private void save(HistoricProcessInstance pi) {
        Map<String, Object> variables = ProjectionBackfill.variables(history, pi.getId(),
                IssueVariables.summaryNames());
        summary.save(new IssueVariables(variables).issueCase(pi.getBusinessKey(), pi.getId(),
                pi.getStartTime().toInstant(), pi.getEndTime() == null ? null : pi.getEndTime().toInstant()));
    }
}
