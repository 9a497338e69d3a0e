package cn.lianban.issue;

import cn.lianban.common.UserInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/**
 * Checks on completing the user tasks of joint-handling. A failed check throws, so the task stays
 * open and the user sees the message; what passes is normalised to the contract's types.
 */
@Component("issueChecks")
public class IssueChecks implements TaskListener {

    private final IssueService issues;
    private final CaseLog log;

    public IssueChecks(IssueService issues, CaseLog log) {
        this.issues = issues;
        this.log = log;
    }

    /** Called on completion of every user task of joint-handling; the task key says which check applies. */
    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "rate" -> rating(task);
            case "meet" -> meeting(task);
            case "handle" -> handling(task);
            case "assist" -> assisting(task);
            case "approveEscalation" -> approval(task);
            case "evaluate" -> evaluation(task);
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        }
    }

    void rating(DelegateTask task) {
        issues.checkRating(IssueVariables.text(task, "proposedColor"), IssueVariables.text(task, "color"),
                IssueVariables.text(task, "overrideReason"));
    }

    void meeting(DelegateTask task) {
        IssueService.Meeting m = issues.meeting(task.getVariable("leadDept"), task.getVariable("coDepts"),
                task.getVariable("deadline"), task.getVariable("minutes"), IssueVariables.level(task));
        int level = IssueVariables.level(task);
        task.setVariable("leadDept", m.leadDept());
        task.setVariable("coDepts", m.coDepts());
        task.setVariable("handleGroup", Levels.handleGroup(level, IssueVariables.text(task, "communityCode"),
                m.leadDept()));
        IssueVariables.setDeadline(task, m.deadline());
        log.record(businessKey(task), task.getProcessInstanceId(), "MEETING",
                "牵头 " + m.leadDept() + "，协办 " + m.coDepts() + "，期限 " + m.deadline().due().toLocalDate()
                        + "；纪要：" + task.getVariable("minutes"));
    }

    void handling(DelegateTask task) {
        issues.checkHandling(task.getVariable("result"), task.getVariable("resolved"));
        log.record(businessKey(task), task.getProcessInstanceId(), "HANDLED",
                (Boolean.TRUE.equals(task.getVariable("resolved")) ? "已解决：" : "未解决：") + task.getVariable("result"));
    }

    /** Parallel co-departments share one variable name, so each part is kept in the audit trail. */
    void assisting(DelegateTask task) {
        Object part = task.getVariable("assistResult");
        if (part == null || part.toString().isBlank()) {
            throw new UserInputException("assistResult", "请填写协办情况");
        }
        log.record(businessKey(task), task.getProcessInstanceId(), "ASSISTED",
                task.getVariable("coDept") + "：" + part);
    }

    void approval(DelegateTask task) {
        issues.checkApproval(task.getVariable("approved"), task.getVariable("comment"));
        log.record(businessKey(task), task.getProcessInstanceId(),
                Boolean.TRUE.equals(task.getVariable("approved")) ? "ESCALATION_APPROVED" : "ESCALATION_DENIED",
                IssueVariables.text(task, "comment"));
    }

    void evaluation(DelegateTask task) {
        issues.checkEvaluation(task.getVariable("satisfied"), task.getVariable("satisfaction"));
        task.setVariable("satisfaction", ((Number) task.getVariable("satisfaction")).longValue());
        log.record(businessKey(task), task.getProcessInstanceId(), "EVALUATED",
                (Boolean.TRUE.equals(task.getVariable("satisfied")) ? "满意" : "不满意") + "，满意度 "
                        + task.getVariable("satisfaction"));
    }

    private static String businessKey(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }
}
