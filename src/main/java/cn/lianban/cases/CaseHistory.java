package cn.lianban.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.springframework.stereotype.Service;

import cn.lianban.security.Grants;

/**
 * Reads cases and tickets from Camunda's history, which keeps finished instances too (Cockpit of the free edition
 * does not show them). Reads run without the caller's Camunda authorizations: who may see a case is decided by
 * {@link CaseVisibility}, with the project's rules, before anything read here is shown.
 */
@Service
class CaseHistory {

    private static final Pattern KEY = Pattern.compile("(JH|TK)-\\d{4}-\\d{6}");
    /** The variables a line of a case list needs; a single case reads all. */
    private static final String[] LIST_VARIABLES = {"title", "description", "itemName", "communityCode",
            "communityName", "status", "statusLabel", "color", "level", "deptCode", "deptName", "dueDate",
            "acceptBy", "resolveBy", "clockStart", "clockDue", "timeLight"};

    private final HistoryService history;
    private final Grants grants;

    CaseHistory(HistoryService history, Grants grants) {
        this.history = history;
        this.grants = grants;
    }

    Optional<CaseFacts> find(String businessKey) {
        if (businessKey == null || !KEY.matcher(businessKey).matches()) {
            return Optional.empty();
        }
        return grants.asSystem(() -> instances().processInstanceBusinessKey(businessKey).list().stream().findFirst()
                .map(pi -> facts(pi, variables(history.createHistoricVariableInstanceQuery()
                        .processInstanceIdIn(pi.getId())))));
    }

    /**
     * One page of cases, newest first: those of {@code processInstanceIds}, or all when it is null.
     */
    List<CaseFacts> page(Set<String> processInstanceIds, int first, int max) {
        if (processInstanceIds != null && processInstanceIds.isEmpty()) {
            return List.of();
        }
        return grants.asSystem(() -> {
            HistoricProcessInstanceQuery query = instances();
            if (processInstanceIds != null) {
                query.processInstanceIds(processInstanceIds);
            }
            List<HistoricProcessInstance> page = query.orderByProcessInstanceStartTime().desc().listPage(first, max);
            if (page.isEmpty()) {
                return List.of();
            }
            Map<String, Map<String, Object>> variables = variables(history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(page.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                    .variableNameIn(LIST_VARIABLES));
            return page.stream().map(pi -> facts(pi, variables)).toList();
        });
    }

    /** The cases and tickets a login started. */
    Set<String> startedBy(String userId) {
        return grants.asSystem(() -> ids(instances().startedBy(userId).list()));
    }

    /** The cases and tickets with a task ever offered to {@code group}. */
    Set<String> offeredTo(String group) {
        return grants.asSystem(() -> history.createHistoricTaskInstanceQuery().taskHadCandidateGroup(group).list()
                .stream().filter(t -> CaseFacts.JOINT_HANDLING.equals(t.getProcessDefinitionKey())
                        || CaseFacts.TICKET.equals(t.getProcessDefinitionKey()))
                .map(HistoricTaskInstance::getProcessInstanceId).collect(Collectors.toSet()));
    }

    /** Whether a task of the case was ever offered to one of {@code groups}. */
    boolean offeredTo(String processInstanceId, Collection<String> groups) {
        return grants.asSystem(() -> groups.stream().anyMatch(g -> history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).taskHadCandidateGroup(g).count() > 0));
    }

    /** The cases and tickets whose variable {@code name} now holds {@code value} (e.g. leadDept = housing). */
    Set<String> withVariable(String name, String value) {
        return grants.asSystem(() -> {
            Set<String> ids = new LinkedHashSet<>();
            for (String process : List.of(CaseFacts.JOINT_HANDLING, CaseFacts.TICKET)) {
                history.createHistoricVariableInstanceQuery().processDefinitionKey(process).variableName(name)
                        .variableValueEquals(name, value).list()
                        .forEach(v -> ids.add(v.getProcessInstanceId()));
            }
            return ids;
        });
    }

    private HistoricProcessInstanceQuery instances() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKeyIn(CaseFacts.JOINT_HANDLING, CaseFacts.TICKET);
    }

    private static Set<String> ids(List<HistoricProcessInstance> instances) {
        return instances.stream().map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    }

    private static CaseFacts facts(HistoricProcessInstance pi, Map<String, Map<String, Object>> variables) {
        return new CaseFacts(pi.getBusinessKey(), pi.getProcessDefinitionKey(), pi.getId(), pi.getStartUserId(),
                pi.getStartTime().toInstant(), pi.getEndTime() == null ? null : pi.getEndTime().toInstant(),
                variables.getOrDefault(pi.getId(), Map.of()));
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
