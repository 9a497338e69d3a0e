package cn.lianban.security.rest;

import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside a form, only administrators change what a case knows or where it stands: setting, changing or deleting
 * variables of tasks, executions and instances, moving, suspending or deleting instances, and sending signals,
 * messages or conditions that start or move processes with variables of the sender's choosing. Camunda's
 * authorizations cannot say so: a candidate may work on a task, and working on it includes writing its variables.
 * Reads and the POST queries of the same resources stay open (Camunda's authorizations decide what they find).
 */
@Component
@Order(15)
class VariableWritesRule implements EngineRule {

    static final String REFUSED = "只有管理员可以在表单之外修改事项的信息或流转；请通过任务表单办理。";

    /** Calls that deliver an event with variables into running or new processes. */
    private static final Set<String> EVENTS = Set.of("signal", "message", "condition");

    @Override
    public void check(EngineCall call) {
        if (call.reads() || call.caller().isAdmin()) {
            return;
        }
        if (writes(call)) {
            throw EngineRefusal.forbidden(REFUSED);
        }
    }

    static boolean writes(EngineCall call) {
        EnginePath path = call.path();
        String first = path.get(0);
        if (first == null) {
            return false;
        }
        if (EVENTS.contains(first)) {
            return true;
        }
        return switch (first) {
            case "task" -> path.startsWith("task", "*", "variables") || path.startsWith("task", "*", "localVariables");
            case "execution" -> path.startsWith("execution", "*", "localVariables")
                    || path.startsWith("execution", "*", "signal")
                    || path.startsWith("execution", "*", "messageSubscriptions");
            // process-instance and process-instance/count are queries; everything else changes instances
            case "process-instance" -> !isQuery(call, "process-instance");
            case "variable-instance" -> !isQuery(call, "variable-instance");
            case "case-instance", "case-execution" -> path.segments().contains("variables")
                    || path.segments().contains("localVariables");
            // history: POST history/{resource} and its /count are queries; deletes, removal times and notes change it
            case "history" -> !call.is("POST", "history", "*") && !call.is("POST", "history", "*", "count");
            default -> false;
        };
    }

    private static boolean isQuery(EngineCall call, String resource) {
        return call.is("POST", resource) || call.is("POST", resource, "count");
    }
}
