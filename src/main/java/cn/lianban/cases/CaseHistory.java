package cn.lianban.cases;

import static cn.lianban.cases.CaseFacts.JOINT_HANDLING;
import static cn.lianban.cases.CaseFacts.TICKET;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.springframework.stereotype.Service;

import cn.lianban.common.CaseClock;
import cn.lianban.common.Grants;
import cn.lianban.directory.UnitType;
import cn.lianban.ticket.TicketCase;
import cn.lianban.ticket.TicketCaseReader;

/**
 * Reads cases and tickets: the instances from Camunda's history, which keeps finished instances too (Cockpit of the
 * free edition does not show them), a ticket's business data from table ticket_case (through the ticket module), a
 * case's from its variables in the history. Reads run without the caller's Camunda authorizations: who may see a
 * case is decided by {@link CaseVisibility}, with the project's rules, before anything read here is shown.
 */
@Service
class CaseHistory {

    private static final Pattern KEY = Pattern.compile("(JH|TK)-\\d{4}-\\d{6,}");
    /** The variables a line of a case list needs; a single case reads all. */
    private static final String[] LIST_VARIABLES = {"title", "description", "communityCode", "communityName",
            "status", "statusLabel", "color", "level", "dueDate", CaseClock.START, CaseClock.DUE, CaseClock.LIGHT};

    private final HistoryService history;
    private final Grants grants;
    private final TicketCaseReader tickets;

    CaseHistory(HistoryService history, Grants grants, TicketCaseReader tickets) {
        this.history = history;
        this.grants = grants;
        this.tickets = tickets;
    }

    Optional<CaseFacts> find(String businessKey) {
        if (businessKey == null || !KEY.matcher(businessKey).matches()) {
            return Optional.empty();
        }
        return grants.asSystem(() -> instances().processInstanceBusinessKey(businessKey).list().stream().findFirst()
                .flatMap(pi -> TICKET.equals(pi.getProcessDefinitionKey())
                        ? tickets.find(businessKey).map(t -> facts(pi, Map.of(), t))
                        : Optional.of(facts(pi, variables(history.createHistoricVariableInstanceQuery()
                                .processInstanceIdIn(pi.getId())).getOrDefault(pi.getId(), Map.of()), null))));
    }

    /** One page of all cases and tickets, newest first (the city center's and administrators' 我的事项). */
    List<CaseFacts> newest(int first, int max) {
        return grants.asSystem(() -> withBusinessData(instances().orderByProcessInstanceStartTime().desc()
                .listPage(first, max)));
    }

    /** The cases and tickets of {@code businessKeys}, in that order, without their full variables. */
    List<CaseFacts> cases(List<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return List.of();
        }
        Map<String, CaseFacts> byKey = grants.asSystem(() -> withBusinessData(instances()
                .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new)).list())).stream()
                .collect(Collectors.toMap(CaseFacts::businessKey, c -> c, (a, b) -> a));
        return businessKeys.stream().map(byKey::get).filter(Objects::nonNull).toList();
    }

    /** The cases and tickets a login started, with when. */
    Map<String, Instant> startedBy(String userId) {
        return grants.asSystem(() -> started(instances().startedBy(userId).list()));
    }

    /**
     * The joint-handling cases of a department, with when they were filed: those with a task ever offered to it
     * (handling, co-handling) and those it is to handle (the lead of a level 3–5 case, before its meeting).
     */
    Map<String, Instant> casesOfDepartment(String dept) {
        return grants.asSystem(() -> {
            Set<String> ids = new HashSet<>();
            history.createHistoricTaskInstanceQuery().processDefinitionKey(JOINT_HANDLING)
                    .taskHadCandidateGroup(UnitType.DEPT.group(dept)).list()
                    .forEach(t -> ids.add(t.getProcessInstanceId()));
            history.createHistoricVariableInstanceQuery().processDefinitionKey(JOINT_HANDLING)
                    .variableValueEquals("handleGroup", UnitType.DEPT.group(dept)).list()
                    .forEach(v -> ids.add(v.getProcessInstanceId()));
            return ids.isEmpty() ? Map.of() : started(instances().processInstanceIds(ids).list());
        });
    }

    /** Whether a task of the case was ever offered to one of {@code groups}. */
    boolean offeredTo(String processInstanceId, Collection<String> groups) {
        return grants.asSystem(() -> groups.stream().anyMatch(g -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).taskHadCandidateGroup(g).count() > 0));
    }

    private HistoricProcessInstanceQuery instances() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(JOINT_HANDLING, TICKET);
    }

    private static Map<String, Instant> started(List<HistoricProcessInstance> instances) {
        return instances.stream().collect(Collectors.toMap(HistoricProcessInstance::getBusinessKey,
                pi -> pi.getStartTime().toInstant(), (a, b) -> a));
    }

    /** The instances with their business data: tickets' rows, cases' list variables; a ticket without a row is left out. */
    private List<CaseFacts> withBusinessData(List<HistoricProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, TicketCase> rows = tickets.byKeys(instances.stream()
                .filter(pi -> TICKET.equals(pi.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getBusinessKey).toList());
        String[] caseIds = instances.stream().filter(pi -> JOINT_HANDLING.equals(pi.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getId).toArray(String[]::new);
        Map<String, Map<String, Object>> variables = caseIds.length == 0 ? Map.of()
                : variables(history.createHistoricVariableInstanceQuery().processInstanceIdIn(caseIds)
                .variableNameIn(LIST_VARIABLES));
        return instances.stream().filter(pi -> !TICKET.equals(pi.getProcessDefinitionKey())
                        || rows.containsKey(pi.getBusinessKey()))
                .map(pi -> facts(pi, variables.getOrDefault(pi.getId(), Map.of()), rows.get(pi.getBusinessKey())))
                .toList();
    }

    private static CaseFacts facts(HistoricProcessInstance pi, Map<String, Object> variables, TicketCase ticket) {
        return new CaseFacts(pi.getBusinessKey(), pi.getProcessDefinitionKey(), pi.getId(), pi.getStartUserId(),
                pi.getStartTime().toInstant(), pi.getEndTime() == null ? null : pi.getEndTime().toInstant(),
                variables, ticket);
    }

    /**
     * Variables by process instance. A name set in an inner scope too (a multi-instance element's own variable)
     * yields to the process instance's own value.
     */
    private static Map<String, Map<String, Object>> variables(HistoricVariableInstanceQuery query) {
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        List<HistoricVariableInstance> inner = new ArrayList<>();
        for (HistoricVariableInstance v : query.list()) {
            if (v.getProcessInstanceId().equals(v.getExecutionId())) {
                byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            } else {
                inner.add(v);
            }
        }
        for (HistoricVariableInstance v : inner) {
            byInstance.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).putIfAbsent(v.getName(), v.getValue());
        }
        return byInstance;
    }
}
