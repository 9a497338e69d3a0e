package cn.lianban.open311;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

import cn.lianban.ticket.TicketCase;
import cn.lianban.ticket.TicketCaseReader;

/**
 * Where the tickets behind Open311 requests stand: the ticket's row (table ticket_case, through the ticket module)
 * for its step, department and result, and Camunda's history for whether its instance has ended and how. Several
 * tickets are read with a few queries, not a few per ticket.
 */
@Component
class Open311Progress {

    private static final int CHUNK = 500;

    private final HistoryService history;
    private final TicketCaseReader tickets;

    Open311Progress(HistoryService history, TicketCaseReader tickets) {
        this.history = history;
        this.tickets = tickets;
    }

    /**
     * @param ended      the instance is over (closed)
     * @param terminated it ended without reaching its end event (e.g. cancelled in Cockpit)
     * @param updatedAt  the ticket's last step: when it last entered a status, or its end
     */
    record Ticket(boolean ended, boolean terminated, TicketCase row, Instant updatedAt) {
    }

    /** The tickets of these process instances by id; an instance unknown to the history is left out. */
    Map<String, Ticket> of(Collection<String> processInstanceIds) {
        Map<String, Ticket> found = new HashMap<>();
        List<String> ids = new ArrayList<>(new HashSet<>(processInstanceIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            found.putAll(chunk(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return found;
    }

    private Map<String, Ticket> chunk(List<String> ids) {
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(ids)).list();
        Map<String, TicketCase> rows = tickets.byKeys(instances.stream().map(HistoricProcessInstance::getBusinessKey)
                .toList());
        Map<String, Ticket> found = new HashMap<>();
        for (HistoricProcessInstance p : instances) {
            TicketCase row = rows.get(p.getBusinessKey());
            if (row == null) {
                continue;
            }
            boolean ended = p.getEndTime() != null;
            boolean terminated = ended && !HistoricProcessInstance.STATE_COMPLETED.equals(p.getState());
            found.put(p.getId(), new Ticket(ended, terminated, row,
                    ended ? p.getEndTime().toInstant() : row.statusAt()));
        }
        return found;
    }
}
