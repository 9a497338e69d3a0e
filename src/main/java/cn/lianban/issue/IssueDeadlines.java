package cn.lianban.issue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Service;

import cn.lianban.common.Grants;

/**
 * 签收 and 延期 of a joint-handling case (issue 13) for the case page, which has checked that the reader may see the
 * case: read from the engine's history, so it holds for running and closed cases alike.
 */
@Service
public class IssueDeadlines {

    private final HistoryService history;
    private final Grants grants;

    IssueDeadlines(HistoryService history, Grants grants) {
        this.history = history;
        this.grants = grants;
    }

    /**
     * @param acceptBy    the acceptance deadline while the handler has not accepted; null otherwise
     * @param originalDue the handling deadline before an approved extension; null without one
     */
    public record Reading(Instant acceptBy, Instant originalDue) {
    }

    public Reading of(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        grants.asSystem(() -> history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn(IssueVariables.deadlineNames()).list())
                .forEach(v -> values.put(v.getName(), v.getValue()));
        IssueVariables variables = new IssueVariables(values);
        return new Reading(variables.acceptPending() ? variables.acceptBy() : null, variables.originalDueDate());
    }
}
