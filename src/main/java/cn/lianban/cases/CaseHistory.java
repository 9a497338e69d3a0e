package cn.lianban.cases;

import static cn.lianban.cases.CaseFacts.JOINT_HANDLING;
import static cn.lianban.cases.CaseFacts.TICKET;

import java.time.Instant;
import java.util.Collection;
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
import org.springframework.stereotype.Service;

import cn.lianban.common.Grants;
import cn.lianban.directory.UnitType;
import cn.lianban.issue.IssueCase;
import cn.lianban.issue.IssueCaseReader;
import cn.lianban.ticket.TicketCase;
import cn.lianban.ticket.TicketCaseReader;

/**
 * Reads cases and tickets: the instances from Camunda's history, which keeps finished instances too (Cockpit of the
 * free edition does not show them), their business data from the rows their processes keep: a case's of table
 * issue_summary (through the issue module), a ticket's of table ticket_case (through the ticket module). Reads run
 * without the caller's Camunda authorizations: who may see a case is decided by {@link CaseVisibility}, with the
 * project's rules, before anything read here is shown.
 */
@Service
class CaseHistory {

    private static final Pattern KEY = Pattern.compile("(JH|TK)-\\d{4}-\\d{6,}");

    private final HistoryService history;
    private final Grants grants;
    private final IssueCaseReader issues;
    private final TicketCaseReader tickets;

    CaseHistory(HistoryService history, Grants grants, IssueCaseReader issues, TicketCaseReader tickets) {
        this.history = history;
        this.grants = grants;
        this.issues = issues;
        this.tickets = tickets;
    }

    Optional<CaseFacts> find(String businessKey) {
        if (businessKey == null || !KEY.matcher(businessKey).matches()) {
            return Optional.empty();
        }
        return grants.asSystem(() -> instances().processInstanceBusinessKey(businessKey).list().stream().findFirst()
                .flatMap(pi -> TICKET.equals(pi.getProcessDefinitionKey())
                        ? tickets.find(businessKey).map(t -> facts(pi, null, t))
                        : issues.find(businessKey).map(c -> facts(pi, c, null))));
    }

    /** One page of all cases and tickets, newest first (the city center's and administrators' 我的事项). */
    List<CaseFacts> newest(int first, int max) {
        return grants.asSystem(() -> withBusinessData(instances().orderByProcessInstanceStartTime().desc()
                .listPage(first, max)));
    }

    /** The cases and tickets of {@code businessKeys}, in that order. */
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

    /** One page of the cases and tickets a login started, newest first (本人上报). */
    List<CaseFacts> startedBy(String userId, int first, int max) {
        return grants.asSystem(() -> withBusinessData(instances().startedBy(userId)
                .orderByProcessInstanceStartTime().desc().listPage(first, max)));
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
            ids.addAll(issues.handledBy(UnitType.DEPT.group(dept)));
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

    /** The instances with their business data, the rows of their processes; an instance without a row is left out. */
    private List<CaseFacts> withBusinessData(List<HistoricProcessInstance> instances) {
        if (instances.isEmpty()) {
            return List.of();
        }
        Map<String, IssueCase> cases = issues.byKeys(keys(instances, JOINT_HANDLING));
        Map<String, TicketCase> rows = tickets.byKeys(keys(instances, TICKET));
        return instances.stream().filter(pi -> cases.containsKey(pi.getBusinessKey())
                        || rows.containsKey(pi.getBusinessKey()))
                .map(pi -> facts(pi, cases.get(pi.getBusinessKey()), rows.get(pi.getBusinessKey())))
                .toList();
    }

    private static List<String> keys(List<HistoricProcessInstance> instances, String process) {
        return instances.stream().filter(pi -> process.equals(pi.getProcessDefinitionKey()))
                .map(HistoricProcessInstance::getBusinessKey).toList();
    }

    private static CaseFacts facts(HistoricProcessInstance pi, IssueCase issue, TicketCase ticket) {
        return new CaseFacts(pi.getBusinessKey(), pi.getProcessDefinitionKey(), pi.getId(), pi.getStartUserId(),
                pi.getStartTime().toInstant(), pi.getEndTime() == null ? null : pi.getEndTime().toInstant(),
                issue, ticket);
    }
}
