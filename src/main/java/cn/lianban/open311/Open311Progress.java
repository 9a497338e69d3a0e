package cn.lianban.open311;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * Where the tickets behind Open311 requests stand, read from Camunda's history (which also holds the running
 * instances' current variables): ended or not, the latest values of the ticket's variables, and when the
 * ticket last moved. Several tickets are read with a few queries, not a few per ticket.
 */
@Component
class Open311Progress {

    /** The ticket variables an Open311 answer is built from. */
    static final String[] VARIABLES = {"status", "deptCode", "streetCode", "returns", "result", "resolveDays",
            "resolveBy"};

    private static final int CHUNK = 500;

    private final HistoryService history;

    Open311Progress(HistoryService history) {
        this.history = history;
    }

    /**
     * @param ended      the instance is over (closed)
     * @param terminated it ended without reaching its end event (e.g. cancelled in Cockpit)
     * @param updatedAt  the ticket's last step: the latest change of its {@code status}, or its end
     */
    record Ticket(boolean ended, boolean terminated, Map<String, Object> variables, Instant updatedAt) {

        Object variable(String name) {
            return variables.get(name);
        }

        String text(String name) {
            Object value = variables.get(name);
            return value == null ? null : value.toString();
        }
    }

    /** The tickets of these process instances by id; an instance unknown to the history is left out. */
    Map<String, Ticket> of(Collection<String> processInstanceIds) {
        Map<String, Ticket> tickets = new HashMap<>();
        List<String> ids = new ArrayList<>(new HashSet<>(processInstanceIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            tickets.putAll(chunk(ids.subList(from, Math.min(ids.size(), from + CHUNK))));
        }
        return tickets;
    }

    private Map<String, Ticket> chunk(List<String> ids) {
        String[] idArray = ids.toArray(String[]::new);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(idArray)
                .variableNameIn(VARIABLES).disableCustomObjectDeserialization().list()) {
            variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        Map<String, Date> lastStep = new HashMap<>();
        for (HistoricDetail d : history.createHistoricDetailQuery().variableUpdates().processInstanceIdIn(idArray)
                .variableNameLike("status").list()) {
            lastStep.merge(d.getProcessInstanceId(), d.getTime(), (a, b) -> a.after(b) ? a : b);
        }
        Map<String, Ticket> tickets = new HashMap<>();
        for (HistoricProcessInstance p : history.createHistoricProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(ids)).list()) {
            boolean ended = p.getEndTime() != null;
            Date updated = ended ? p.getEndTime() : lastStep.getOrDefault(p.getId(), p.getStartTime());
            boolean terminated = ended && !HistoricProcessInstance.STATE_COMPLETED.equals(p.getState());
            tickets.put(p.getId(), new Ticket(ended, terminated, variables.getOrDefault(p.getId(), Map.of()),
                    updated.toInstant()));
        }
        return tickets;
    }
}
