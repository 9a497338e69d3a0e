package cn.lianban.issue;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/**
 * A co-department's 协办 task that ends without its part, because the case left 办理 when the time limit ran out
 * (or the case was cancelled), is recorded in the audit trail as closed unfinished: never dropped silently.
 * BPMN task listener on the task's delete event, which the engine does not fire on completion.
 */
@Component("assistLeftOpen")
class AssistLeftOpen implements TaskListener {

    static final String ACTION = "ASSIST_UNFINISHED";

    private final CaseLog log;
    private final IssueLabels labels;

    AssistLeftOpen(CaseLog log, IssueLabels labels) {
        this.log = log;
        this.labels = labels;
    }

    @Override
    public void notify(DelegateTask task) {
        String dept = new IssueVariables(task).coDept();
        String claimedBy = task.getAssignee() == null ? "尚无人认领" : "已由 " + task.getAssignee() + " 认领";
        log.record(new CaseLog.Entry(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(), ACTION,
                labels.deptName(dept) + "的协办未报告完成情况，随办理阶段结束而关闭（" + claimedBy + "）").dept(dept));
    }
}
