package cn.lianban.security.rest;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.stereotype.Component;

import cn.lianban.common.Grants;

/**
 * What the guards need to know about a task or case: looked up as the system (the facts, whoever asks), or as the
 * caller (what Camunda's authorizations let them see).
 */
@Component
class EngineLookup {

    /** A running or finished task. */
    record TaskFacts(String id, String processInstanceId, String processDefinitionId, String activityId,
                     String assignee, String owner, boolean running) {
    }

    private final Grants grants;
    private final IdentityService identity;
    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final RepositoryService repository;

    EngineLookup(Grants grants, IdentityService identity, TaskService tasks, HistoryService history,
                 RuntimeService runtime, RepositoryService repository) {
        this.grants = grants;
        this.identity = identity;
        this.tasks = tasks;
        this.history = history;
        this.runtime = runtime;
        this.repository = repository;
    }

    /** The running task with this id. */
    Optional<TaskFacts> runningTask(String taskId) {
        Task task = grants.asSystem(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        return Optional.ofNullable(task).map(t -> new TaskFacts(t.getId(), t.getProcessInstanceId(),
                t.getProcessDefinitionId(), t.getTaskDefinitionKey(), t.getAssignee(), t.getOwner(), true));
    }

    /** The task with this id, running or finished. */
    Optional<TaskFacts> anyTask(String taskId) {
        Optional<TaskFacts> running = runningTask(taskId);
        if (running.isPresent()) {
            return running;
        }
        HistoricTaskInstance task = grants.asSystem(
                () -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
        return Optional.ofNullable(task).map(t -> new TaskFacts(t.getId(), t.getProcessInstanceId(),
                t.getProcessDefinitionId(), t.getTaskDefinitionKey(), t.getAssignee(), t.getOwner(), false));
    }

    /** Whether Camunda lets the caller see the running task, i.e. work on it (its candidates, assignee, leads). */
    boolean worksOn(EngineCaller caller, String taskId) {
        return asCaller(caller, () -> tasks.createTaskQuery().taskId(taskId).count() > 0);
    }

    /**
     * Whether Camunda lets the caller see the task, running or in its history (the history is open to everyone
     * who follows the case).
     */
    boolean seesTask(EngineCaller caller, String taskId) {
        return worksOn(caller, taskId)
                || asCaller(caller, () -> history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0);
    }

    /** Whether Camunda lets the caller see the case (the process instance, running or in its history). */
    boolean seesCase(EngineCaller caller, String processInstanceId) {
        return processInstanceId != null && asCaller(caller,
                () -> runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
                        || history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0);
    }

    /** Whether the user may be given the task: a candidate user of it, or a member of one of its candidate groups. */
    boolean isCandidate(String userId, String taskId) {
        return grants.asSystem(() -> {
            List<IdentityLink> candidates = tasks.getIdentityLinksForTask(taskId).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).toList();
            if (candidates.stream().anyMatch(l -> userId.equals(l.getUserId()))) {
                return true;
            }
            return candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).anyMatch(
                    group -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0);
        });
    }

    /** The community of the case ({@code communityCode}), if it has one. */
    Optional<String> communityOf(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        HistoricVariableInstance variable = grants.asSystem(() -> history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName("communityCode").list().stream()
                .filter(v -> v.getValue() instanceof String).findFirst().orElse(null));
        return Optional.ofNullable(variable).map(v -> (String) v.getValue());
    }

    /** The latest version of the process (of the tenant, or without one), as Camunda's start by key picks it. */
    Optional<String> latestDefinition(String key, String tenantId) {
        return grants.asSystem(() -> {
            var query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
            var definition = (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult();
            return Optional.ofNullable(definition).map(d -> d.getId());
        });
    }

    BpmnModelInstance model(String processDefinitionId) {
        return grants.asSystem(() -> repository.getBpmnModelInstance(processDefinitionId));
    }

    /** Runs queries under the caller's identity, so Camunda's authorizations decide what they find. */
    private <T> T asCaller(EngineCaller caller, Supplier<T> work) {
        var previous = identity.getCurrentAuthentication();
        identity.setAuthentication(caller.userId(), caller.groups());
        try {
            return work.get();
        } finally {
            if (previous != null) {
                identity.setAuthentication(previous);
            } else {
                identity.clearAuthentication();
            }
        }
    }
}
