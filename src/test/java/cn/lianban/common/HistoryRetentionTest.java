package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * History and retention (docs/architecture.md): the configured time-to-live reaches every version, the engine's
 * cleanup removes a finished ticket past it and keeps a recent one, and the project's tables follow their rules.
 * Dates lie in 2019-2020, before anything other tests make, so that cleaning up here removes nothing of theirs.
 */
class HistoryRetentionTest extends ProcessTestBase {

    private static final LocalDateTime OLD_END = LocalDateTime.of(2019, 3, 4, 10, 0);
    private static final LocalDateTime RECENT_END = LocalDateTime.of(2019, 9, 2, 10, 0);
    /** A year and a week after the old ticket closed: past its 365 days, within the recent one's. */
    private static final LocalDateTime CLEANUP = LocalDateTime.of(2020, 3, 10, 1, 30);

    @Autowired
    TicketDriver tickets;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryTimeToLive ttl;
    @Autowired
    NightlyCleanups cleanups;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyVersionOfEveryConfiguredDefinitionHasItsTimeToLive() {
        assertThat(ttl.days("ticket")).contains(365);
        assertThat(ttl.days("joint-handling")).contains(730);
        ttl.all().forEach((key, days) -> {
            List<ProcessDefinition> versions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .list();
            versions.forEach(p -> assertThat(p.getHistoryTimeToLive()).as(p.getId()).isEqualTo(days));
            repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).list()
                    .forEach(d -> assertThat(d.getHistoryTimeToLive()).as(d.getId()).isEqualTo(days));
        });
    }

    @Test
    void cleanupRemovesATicketPastItsTimeToLiveAndKeepsARecentOne() {
        String old = closedTicketAt(OLD_END);
        String recent = closedTicketAt(RECENT_END);
        assertThat(instance(old).getRemovalTime().toInstant())
                .isEqualTo(shanghai(OLD_END).plus(365, ChronoUnit.DAYS));

        driver.clockAt(CLEANUP);
        runHistoryCleanup();
        Map<String, Integer> deleted = cleanups.run();

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(old).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(old).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(recent).count()).isOne();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance(recent).getId()).count())
                .isPositive();
        // ticket_case follows the engine's history; the audit trail is kept three years
        assertThat(ticketRows(old)).isZero();
        assertThat(ticketRows(recent)).isOne();
        assertThat(deleted).containsEntry("ticket_case", 1);
        assertThat(events(old)).isPositive();

        // the next night finds nothing more to delete
        assertThat(cleanups.run()).containsEntry("ticket_case", 0).containsEntry("case_event", 0)
                .containsEntry("mail_outbox", 0).containsEntry("issue_summary", 0);
    }

    @Test
    void projectTablesKeepWhatTheirRulesSay() {
        Instant now = shanghai(CLEANUP);
        String old = "JH-2016-900001";
        String kept = "JH-2016-900002";
        jdbc.update("INSERT INTO case_event (business_key, occurred_at, actor, action) VALUES (?, ?, 'test', 'FILED')",
                old, Timestamp.from(now.minus(1096, ChronoUnit.DAYS)));
        jdbc.update("INSERT INTO case_event (business_key, occurred_at, actor, action) VALUES (?, ?, 'test', 'FILED')",
                kept, Timestamp.from(now.minus(1094, ChronoUnit.DAYS)));
        summary(old, "CLOSED", now.minus(1096, ChronoUnit.DAYS));
        summary(kept, "CLOSED", now.minus(1094, ChronoUnit.DAYS));
        summary("JH-2016-900003", "HANDLING", null);
        mail("SENT", now.minus(366, ChronoUnit.DAYS));
        mail("FAILED", now.minus(366, ChronoUnit.DAYS));
        mail("PENDING", now.minus(800, ChronoUnit.DAYS));
        mail("SENT", now.minus(364, ChronoUnit.DAYS));

        driver.clockAt(CLEANUP);
        cleanups.run();

        assertThat(events(old)).isZero();
        assertThat(events(kept)).isOne();
        assertThat(jdbc.queryForList("SELECT business_key FROM issue_summary WHERE business_key LIKE 'JH-2016-9%' "
                + "ORDER BY 1", String.class)).containsExactly(kept, "JH-2016-900003");
        assertThat(jdbc.queryForList("SELECT status FROM mail_outbox WHERE subject = 'retention' ORDER BY id",
                String.class)).containsExactly("PENDING", "SENT");
    }

    @Test
    void aChangedTimeToLiveAlsoMovesTheRemovalTimeOfFinishedInstances() {
        String ticket = closedTicketAt(RECENT_END);
        try {
            apply(400);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("ticket").list())
                    .allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).isEqualTo(400));
            assertThat(instance(ticket).getRemovalTime().toInstant())
                    .isEqualTo(shanghai(RECENT_END).plus(400, ChronoUnit.DAYS));
        } finally {
            apply(365);
        }
        assertThat(instance(ticket).getRemovalTime().toInstant())
                .isEqualTo(shanghai(RECENT_END).plus(365, ChronoUnit.DAYS));
    }

    @Test
    void aDisplayOnlyVariableKeepsItsLastValueButNoRowPerChange() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);

        assertThat(management.getHistoryLevel()).as("the id of full: the database needs no change")
                .isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL.getId());
        // the code keeps a row per change (the case page and TicketCaseBackfill read them); its label does not
        assertThat(detailRows(pi, "status")).isGreaterThanOrEqualTo(2);
        assertThat(detailRows(pi, "statusLabel")).isZero();
        assertThat(detailRows(pi, "deptName")).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("statusLabel").singleResult().getValue()).isEqualTo("办理中");
    }

    private long detailRows(ProcessInstance pi, String variable) {
        return history.createHistoricDetailQuery().variableUpdates().processInstanceId(pi.getId()).list().stream()
                .filter(d -> d instanceof HistoricVariableUpdate u && variable.equals(u.getVariableName())).count();
    }

    /** Runs the step with another ticket setting, then the batch it starts, as the job executor would. */
    private void apply(int ticketDays) {
        new ApplyHistoryTimeToLive(repository, history, new HistoryTimeToLive(Map.of("ticket", ticketDays))).run();
        for (Batch batch : management.createBatchQuery().list()) {
            for (int i = 0; i < 10 && management.createBatchQuery().batchId(batch.getId()).count() > 0; i++) {
                for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                        batch.getMonitorJobDefinitionId())) {
                    management.createJobQuery().jobDefinitionId(definition).list()
                            .forEach(j -> management.executeJob(j.getId()));
                }
            }
        }
    }

    /** A ticket through all its steps, closed at {@code end} (Beijing time); returns its business key. */
    private String closedTicketAt(LocalDateTime end) {
        driver.clockAt(end.minusHours(2));
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        driver.clockAt(end);
        driver.complete(pi, "rate", "satisfaction", 5);
        HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                .singleResult();
        assertThat(done.getEndTime()).isNotNull();
        return done.getBusinessKey();
    }

    /** The engine's cleanup job, due now, run until it has nothing left to delete (as the job executor would). */
    private void runHistoryCleanup() {
        history.cleanUpHistoryAsync(true);
        for (Job job : history.findHistoryCleanupJobs()) {
            management.executeJob(job.getId());
        }
    }

    private HistoricProcessInstance instance(String businessKey) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult();
    }

    private long ticketRows(String businessKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ticket_case WHERE business_key = ?", Long.class, businessKey);
    }

    private long events(String businessKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE business_key = ?", Long.class, businessKey);
    }

    private void summary(String businessKey, String status, Instant closedAt) {
        jdbc.update("INSERT INTO issue_summary (business_key, process_instance_id, community_code, status, filed_at, "
                        + "closed_at) VALUES (?, 'none', 'C-DL-01', ?, ?, ?)", businessKey, status,
                Timestamp.from(Instant.parse("2016-01-04T02:00:00Z")), closedAt == null ? null : Timestamp.from(closedAt));
    }

    private void mail(String status, Instant createdAt) {
        LocalDateTime at = LocalDateTime.ofInstant(createdAt, EngineClock.ZONE);
        jdbc.update("INSERT INTO mail_outbox (created_at, recipients, subject, body_html, kind, status, next_attempt_at) "
                + "VALUES (?, 'a@example.org', 'retention', '<p>x</p>', 'REMINDER', ?, ?)", at, status, at);
    }

    private static Instant shanghai(LocalDateTime t) {
        return t.atZone(EngineClock.ZONE).toInstant();
    }
}
