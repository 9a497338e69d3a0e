package cn.lianban.security.rest;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code bpmnError} and {@code bpmnEscalation} on a task only where the process model catches them at that task.
 * Uncaught, Camunda ends the path of the task as if it had reached an end event: a ticket ends as finished with
 * nothing recorded, a case loses its handling task.
 */
@Component
@Order(30)
class TaskErrorRule implements EngineRule {

    private final EngineLookup lookup;

    TaskErrorRule(EngineLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void check(EngineCall call) {
        boolean error = call.is("POST", "task", "*", "bpmnError");
        if (!error && !call.is("POST", "task", "*", "bpmnEscalation")) {
            return;
        }
        // an unknown task is Camunda's to answer (404)
        lookup.runningTask(call.path().get(1)).ifPresent(task -> {
            String code = call.text(error ? "errorCode" : "escalationCode");
            if (code == null || code.isBlank()) {
                throw EngineRefusal.badRequest(error ? "缺少错误代码（errorCode）" : "缺少升级代码（escalationCode）");
            }
            BpmnModelInstance model = lookup.model(task.processDefinitionId());
            boolean caught = error ? CatchingEvents.catchesError(model, task.activityId(), code)
                    : CatchingEvents.catchesEscalation(model, task.activityId(), code);
            if (!caught) {
                throw EngineRefusal.badRequest(error
                        ? "此任务不能以业务错误结束：流程在这一步没有处理该错误的环节，请按表单办理。"
                        : "此任务不能发起升级：流程在这一步没有处理该升级的环节，请按表单办理。");
            }
        });
    }
}
