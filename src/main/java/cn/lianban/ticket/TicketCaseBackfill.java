package cn.lianban.ticket;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.ProjectionBackfill;
import cn.lianban.startup.StartupStep;

/**
 * At startup, from Camunda's history: tickets raised before ticket_case existed (or whose row went missing), running
 * or finished, get their row as the process would have written it. Cheap when there is nothing to do: two counts.
 */
@Component
@Order(80)
class TicketCaseBackfill implements StartupStep {

    private static final String KEY = "ticket";

    private final HistoryService history;
    private final TicketCases cases;
    private final JdbcClient jdbc;

    TicketCaseBackfill(HistoryService history, TicketCases cases, JdbcClient jdbc) {
        this.history = history;
        this.cases = cases;
        this.jdbc = jdbc;
    }

    @Override
    public void run() {
        backfill();
    }

    /** Adds the missing rows; returns how many. */
    int backfill() {
        return ProjectionBackfill.addMissing(history, jdbc, KEY, "ticket_case", "raised_at", this::save);
    }

    /**
     * The row as the history has the ticket: raised when the process started, its last step when {@code status}
     * last changed, closed when it ended closed.
     */
    private void save(HistoricProcessInstance pi) {
        TicketVariables ticket = new TicketVariables(ProjectionBackfill.variables(history, pi.getId(),
                TicketVariables.caseRowNames()));
        Instant lastStep = history.createHistoricDetailQuery().variableUpdates().processInstanceId(pi.getId())
                .variableNameLike(TicketVariables.statusName()).list().stream().map(HistoricDetail::getTime)
                .max(Date::compareTo).orElse(pi.getStartTime()).toInstant();
        boolean closed = pi.getEndTime() != null && ticket.status() != null
                && TicketStatus.valueOf(ticket.status()).ended();
        cases.save(ticket.ticketCase(pi.getBusinessKey(), pi.getId(), pi.getStartTime().toInstant(), lastStep,
                closed ? pi.getEndTime().toInstant() : null));
    }
}
