package cn.lianban.issue;

import cn.lianban.common.Deadline;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

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

    static void setDeadline(VariableScope scope, Deadline deadline) {
        scope.setVariable("dueDate", deadline.dueDate());
        scope.setVariable("reminderAt", deadline.reminderDate());
    }

    private IssueVariables() {
    }
}
