package cn.lianban.security.rest;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Attachments and comments of a task or case follow the case's visibility, by list and by id: whoever may see
 * neither the task nor its case gets 404, the same answer as for a task that does not exist (Camunda checks less
 * on these by id). Adding, changing and deleting them is for those who work on the running task; who only follows
 * the case (or sees the finished task in its history) reads them.
 */
@Component
@Order(40)
class CaseNotesRule implements EngineRule {

    static final String NO_TASK = "没有找到该任务。";
    static final String NO_CASE = "没有找到该事项。";

    private final EngineLookup lookup;

    CaseNotesRule(EngineLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void check(EngineCall call) {
        EnginePath path = call.path();
        if (path.startsWith("task", "*", "attachment") || path.startsWith("task", "*", "comment")) {
            checkTask(call, path.get(1));
        } else if (path.startsWith("process-instance", "*", "comment")) {
            if (!lookup.seesCase(call.caller(), path.get(1))) {
                throw EngineRefusal.notFound(NO_CASE);
            }
        }
    }

    private void checkTask(EngineCall call, String taskId) {
        lookup.anyTask(taskId).ifPresent(task -> {
            if (lookup.worksOn(call.caller(), taskId)) {
                return;
            }
            boolean sees = lookup.seesTask(call.caller(), taskId)
                    || lookup.seesCase(call.caller(), task.processInstanceId());
            if (!sees) {
                throw EngineRefusal.notFound(NO_TASK);
            }
            if (!call.reads()) {
                throw EngineRefusal.forbidden("只有任务的办理单位可以添加、修改或删除任务的附件和意见。");
            }
        });
    }
}
