package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.support.AsUser;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * Table ticket_case: one row per ticket, written by the process in its own transaction on every step, and rebuilt
 * from Camunda's history by the startup backfill exactly as the process wrote it.
 */
class TicketCaseTest extends ProcessTestBase {

    @Autowired
    TicketDriver tickets;
    @Autowired
    TicketCaseReader reader;
    @Autowired
    TicketCaseBackfill backfill;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    RuntimeService runtime;
    @Autowired
    AsUser users;

    @Test
    void theRowFollowsTheTicketFromRaisingToClosing() {
        Instant raised = EngineClock.now().toInstant();
        ProcessInstance pi = users.as("gridworker", () -> runtime.startProcessInstanceByKey("ticket",
                TicketDriver.ticket()));
        TicketCase accepting = row(pi);
        assertThat(accepting.processInstanceId()).isEqualTo(pi.getId());
        assertThat(accepting.status()).isEqualTo("ACCEPTING");
        assertThat(accepting.itemName()).isEqualTo("占道经营");
        assertThat(accepting.title()).isEqualTo("占道经营");
        assertThat(accepting.location()).isEqualTo("华山路菜市场东门");
        assertThat(accepting.communityCode()).isEqualTo("C-DL-01");
        assertThat(accepting.gridCode()).isEqualTo("G-DL-01-01");
        assertThat(accepting.streetCode()).isEqualTo("S-DL");
        assertThat(accepting.raisedBy()).isEqualTo("gridworker");
        assertThat(accepting.raisedVia()).isEqualTo(TicketCase.Via.GRID);
        assertThat(accepting.deptCode()).isEqualTo("urban");
        assertThat(accepting.resolveDays()).isEqualTo(3);
        assertThat(accepting.raisedAt()).isEqualTo(raised);
        assertThat(accepting.acceptBy()).isEqualTo(raised.plusSeconds(24 * 3600));
        assertThat(accepting.clockDue()).isEqualTo(accepting.acceptBy());
        assertThat(accepting.clockRunning()).isTrue();

        driver.clockAt(MONDAY.plusHours(1));
        driver.complete(pi, "accept", "accepted", true);
        TicketCase resolving = row(pi);
        assertThat(resolving.status()).isEqualTo("RESOLVING");
        assertThat(resolving.statusAt()).isEqualTo(raised.plusSeconds(3600));
        assertThat(resolving.acceptedAt()).isEqualTo(resolving.statusAt());
        assertThat(resolving.clockDue()).isEqualTo(resolving.resolveBy()).isNotNull();

        driver.complete(pi, "resolve", "result", "已劝离摊贩");
        assertThat(row(pi).status()).isEqualTo("CONFIRMING");
        assertThat(row(pi).result()).isEqualTo("已劝离摊贩");
        assertThat(row(pi).clockRunning()).isFalse();
        driver.complete(pi, "confirm", "solved", false);
        assertThat(row(pi).reopens()).isEqualTo(1);
        assertThat(row(pi).resolvedAt()).isNull();
        driver.complete(pi, "resolve", "result", "已取缔");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 5);
        TicketCase closed = row(pi);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.solved()).isTrue();
        assertThat(closed.satisfaction()).isEqualTo(5);
        assertThat(closed.closedAt()).isEqualTo(closed.statusAt());
    }

    @Test
    void aStepThatFailsTakesItsRowChangeBackWithIt() {
        ProcessInstance pi = tickets.raise();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            driver.complete(pi, "accept", "accepted", true);
            assertThat(row(pi).status()).as("written in the step's transaction").isEqualTo("RESOLVING");
            throw new IllegalStateException("the step fails after the ticket moved on");
        })).hasMessageContaining("the step fails");
        assertThat(row(pi).status()).isEqualTo("ACCEPTING");
        assertThat(row(pi).acceptedAt()).isNull();
        assertThat(driver.task(pi, "accept")).isNotNull();
    }

    @Test
    void theBackfillRebuildsMissingRowsAsTheProcessWroteThem() {
        ProcessInstance waiting = tickets.raise("itemCode", "");
        ProcessInstance returned = tickets.raise();
        driver.complete(returned, "accept", "accepted", false, "returnReason", "属于市场监管职责");
        driver.complete(returned, "redispatch", "deptCode", "market");
        ProcessInstance overdue = tickets.raise("memberId", member());
        driver.complete(overdue, "accept", "accepted", true);
        driver.clockAt(LocalDateTime.of(2026, 3, 9, 10, 0));
        driver.fireTimer(overdue, "resolveOverdue");
        ProcessInstance closed = tickets.raise();
        driver.complete(closed, "accept", "accepted", true);
        driver.complete(closed, "resolve", "result", "已处理");
        driver.complete(closed, "confirm", "solved", true);
        driver.complete(closed, "rate", "satisfaction", 4);
        List<ProcessInstance> all = List.of(waiting, returned, overdue, closed);
        List<Map<String, Object>> written = all.stream().map(this::stored).toList();
        assertThat(row(overdue).overdue()).isTrue();
        assertThat(row(overdue).raisedVia()).isEqualTo(TicketCase.Via.MEMBER);
        assertThat(row(returned).returns()).isEqualTo(1);

        all.forEach(pi -> jdbc.update("DELETE FROM ticket_case WHERE business_key = ?", pi.getBusinessKey()));
        assertThat(backfill.backfill()).isEqualTo(4);
        assertThat(all.stream().map(this::stored).toList()).isEqualTo(written);
        assertThat(backfill.backfill()).as("idempotent").isZero();
    }

    private long member() {
        return jdbc.queryForObject("SELECT MIN(id) FROM agency_member WHERE grid_code = 'G-DL-01-01'", Long.class);
    }

    private TicketCase row(ProcessInstance pi) {
        return reader.find(pi.getBusinessKey()).orElseThrow();
    }

    private Map<String, Object> stored(ProcessInstance pi) {
        return jdbc.queryForMap("SELECT * FROM ticket_case WHERE business_key = ?", pi.getBusinessKey());
    }
}
