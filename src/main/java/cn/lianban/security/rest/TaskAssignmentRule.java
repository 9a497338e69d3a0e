package cn.lianban.security.rest;

import java.util.Objects;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;
import cn.lianban.security.rest.EngineLookup.TaskFacts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A user claims tasks for themselves only. Giving a task to someone else (claim for another, assignee, delegate,
 * owner, unclaiming someone else's task) is for the unit's lead roles: the city center and administrators for every
 * task, a street office for the tasks of its street's cases; and only to a member of the task's candidate groups.
 * Candidate users and groups are changed by administrators only (they would open the task to another unit).
 * Camunda's authorizations still apply after this rule.
 */
@Component
@Order(20)
class TaskAssignmentRule implements EngineRule {

    static final String ONLY_SELF = "只能为自己认领任务；改派任务请联系街道、市城市党建服务中心或管理员。";
    static final String NOT_A_CANDIDATE = "只能改派给任务所属单位的成员。";

    private final EngineLookup lookup;
    private final UserUnits units;

    TaskAssignmentRule(EngineLookup lookup, UserUnits units) {
        this.lookup = lookup;
        this.units = units;
    }

    @Override
    public void check(EngineCall call) {
        if (!call.path().startsWith("task", "*")) {
            return;
        }
        if (call.is("POST", "task", "*", "identity-links") || call.is("POST", "task", "*", "identity-links", "delete")) {
            if (!call.caller().isAdmin()) {
                throw EngineRefusal.forbidden("只有管理员可以修改任务的候选人和候选单位。");
            }
            return;
        }
        String change = change(call);
        if (change == null) {
            return;
        }
        // an unknown task is Camunda's to answer (404)
        lookup.runningTask(call.path().get(1)).ifPresent(task -> {
            switch (change) {
                case "claim" -> giveTo(call, task, call.text("userId"));
                case "unclaim" -> giveTo(call, task, null);
                case "assignee" -> giveTo(call, task, call.text("userId"));
                case "delegate" -> delegate(call, task, call.text("userId"));
                default -> update(call, task);
            }
        });
    }

    /** The kind of assignment the call makes, or null when it makes none. */
    private static String change(EngineCall call) {
        for (String kind : new String[]{"claim", "unclaim", "assignee", "delegate"}) {
            if (call.is("POST", "task", "*", kind)) {
                return kind;
            }
        }
        return call.is("PUT", "task", "*") ? "update" : null;
    }

    /** Claim or assign to {@code target}; null unclaims. The caller takes it, or gives it as a lead. */
    private void giveTo(EngineCall call, TaskFacts task, String target) {
        String caller = call.caller().userId();
        if (caller.equals(target)) {
            return;
        }
        if (target == null && caller.equals(task.assignee())) {
            return; // giving back one's own task
        }
        reassign(call, task, target);
    }

    private void delegate(EngineCall call, TaskFacts task, String target) {
        if (target == null) {
            throw EngineRefusal.badRequest("请指定委托给谁（userId）。");
        }
        reassign(call, task, target);
    }

    /** {@code PUT /task/{id}} rewrites the whole task, assignee and owner included. */
    private void update(EngineCall call, TaskFacts task) {
        JsonNode body = call.json();
        String assignee = text(body, "assignee");
        String owner = text(body, "owner");
        if (!Objects.equals(assignee, task.assignee())) {
            giveTo(call, task, assignee);
        }
        if (!Objects.equals(owner, task.owner()) && !call.caller().userId().equals(owner)) {
            reassign(call, task, owner);
        }
    }

    private void reassign(EngineCall call, TaskFacts task, String target) {
        if (!leads(call.caller(), task)) {
            throw EngineRefusal.forbidden(ONLY_SELF);
        }
        if (target != null && !lookup.isCandidate(target, task.id())) {
            throw EngineRefusal.forbidden(NOT_A_CANDIDATE);
        }
    }

    /** Administrators and the city center lead every unit; a street office the cases of its street's communities. */
    private boolean leads(EngineCaller caller, TaskFacts task) {
        if (caller.overseesEngine()) {
            return true;
        }
        if (!caller.groups().contains(Roles.STREET_OFFICE)) {
            return false;
        }
        Set<String> communities = units.communities(Set.copyOf(caller.groups()), Roles.STREET_OFFICE);
        return lookup.communityOf(task.processInstanceId()).map(communities::contains).orElse(false);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
