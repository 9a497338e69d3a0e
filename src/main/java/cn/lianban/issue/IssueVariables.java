package cn.lianban.issue;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.CaseClock;
import cn.lianban.common.Deadline;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.UnitType;

/** Reading and normalising the process variables of a joint-handling case. */
final class IssueVariables {

    static String communityGroup(Placement p) {
        return UnitType.COMMUNITY.group(p.community().code());
    }

    static String areaGroup(Placement p) {
        return UnitType.AREA.group(p.area().code());
    }

    static String streetGroup(Placement p) {
        return UnitType.STREET.group(p.street().code());
    }

    /** The contract's types: counts and money as Long, flags as Boolean (forms may send Double or nothing). */
    static void normalizeFiling(DelegateExecution execution) {
        for (String key : List.of("households", "estimatedCost")) {
            execution.setVariable(key, ((Number) execution.getVariable(key)).longValue());
        }
        for (String key : List.of("multiCommunity", "multiDepartment", "safetyRisk")) {
            execution.setVariable(key, Boolean.TRUE.equals(execution.getVariable(key)));
        }
    }

    static int level(VariableScope scope) {
        return ((Number) scope.getVariable("level")).intValue();
    }

    static long count(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** The co-departments (协办部门) decided for the case; empty before the meeting. */
    @SuppressWarnings("unchecked")
    static List<String> departments(VariableScope scope) {
        Object value = scope.getVariable("coDepts");
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** A new time limit: the timers, and the case's clock on cards (deadline and 时效灯) starts again. */
    static void setDeadline(VariableScope scope, Deadline deadline) {
        setTimers(scope, deadline);
        CaseClock.start(scope, deadline.due().toInstant());
    }

    /** Moves only the timers (reminder, overdue); the case's clock and its light stay as they are. */
    static void setTimers(VariableScope scope, Deadline deadline) {
        scope.setVariable("dueDate", deadline.dueDate());
        scope.setVariable("reminderAt", deadline.reminderDate());
    }

    /** Who handles: {@code handleGroup} (mails and case access) and the grid workers who may take it too. */
    static void setHandlers(VariableScope scope, IssueService.Handlers handlers) {
        scope.setVariable("handleGroup", handlers.group());
        // a mutable list: the engine stores it as JSON with its Java type and reads it back
        scope.setVariable("handleGridGroups", new ArrayList<>(handlers.gridGroups()));
    }

    private IssueVariables() {
    }
}
