package cn.lianban.issue;

import cn.lianban.common.UserInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.LocalTimes;

/**
 * Checks on completing the user tasks of joint-handling. A failed check throws, so the task stays
 * open and the user sees the message; what passes is normalised to the contract's types.
 */
@Component("issueChecks")
public class IssueChecks implements TaskListener {

    private final IssueService issues;
    private final CaseLog log;
    private final IssueLabels labels;
    private final MeetingSlots slots;

    public IssueChecks(IssueService issues, CaseLog log, IssueLabels labels, MeetingSlots slots) {
        this.issues = issues;
        this.log = log;
        this.labels = labels;
        this.slots = slots;
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

    /**
     * The meeting's decisions, or (ticked 改期) a move of the meeting to another free slot, after which the meeting
     * task comes back for the decisions ({@code meetingMoved} leads the BPMN back to it).
     */
    void meeting(DelegateTask task) {
        boolean move = Boolean.TRUE.equals(task.getVariable("moveMeeting"));
        task.setVariable("meetingMoved", move);
        if (move) {
            slots.move(task, task.getVariable("meetingSlot"));
            // the next meeting task starts with a fresh form, not with this choice ticked
            task.setVariable("moveMeeting", false);
            task.setVariable("meetingSlot", null);
            return;
        }
        IssueService.Meeting m = issues.meeting(task.getVariable("leadDept"), task.getVariable("coDepts"),
                task.getVariable("deadline"), task.getVariable("minutes"), IssueVariables.level(task));
        int level = IssueVariables.level(task);
        task.setVariable("leadDept", m.leadDept());
        task.setVariable("coDepts", m.coDepts());
        IssueVariables.setHandlers(task,
                issues.handlers(level, IssueVariables.text(task, "communityCode"), m.leadDept()));
        IssueVariables.setDeadline(task, m.deadline());
        labels.apply(task, false);
        log.record(businessKey(task), task.getProcessInstanceId(), "MEETING",
                "牵头部门 " + labels.deptName(m.leadDept())
                        + (m.coDepts().isEmpty() ? "" : "，协办部门 " + String.join("、", labels.deptNames(m.coDepts())))
                        + "，办理期限 " + LocalTimes.minutes(m.deadline().due().toInstant())
                        + "；纪要：" + task.getVariable("minutes"));
    }

    void handling(DelegateTask task) {
        issues.checkHandling(task.getVariable("result"), task.getVariable("resolved"));
        String outcome = (Boolean.TRUE.equals(task.getVariable("resolved")) ? "已解决：" : "未解决：")
                + task.getVariable("result");
        task.setVariable("roundResult", IssueVariables.text(task, "leadDeptName") + " " + outcome);
        log.record(businessKey(task), task.getProcessInstanceId(), "HANDLED", outcome);
    }

    /** Parallel co-departments share one variable name, so each part is kept in the audit trail. */
    void assisting(DelegateTask task) {
        Object part = task.getVariable("assistResult");
        if (part == null || part.toString().isBlank()) {
            throw new UserInputException("assistResult", "请填写协办情况");
        }
        String dept = IssueVariables.text(task, "coDept");
        log.record(new CaseLog.Entry(businessKey(task), task.getProcessInstanceId(), "ASSISTED",
                labels.deptName(dept) + "：" + part).dept(dept));
        // the variable is the case's, not this department's: the next co-department's form must not show this part
        task.removeVariable("assistResult");
    }

    void approval(DelegateTask task) {
        issues.checkApproval(task.getVariable("approved"), task.getVariable("comment"));
        log.record(businessKey(task), task.getProcessInstanceId(),
                Boolean.TRUE.equals(task.getVariable("approved")) ? "ESCALATION_APPROVED" : "ESCALATION_DENIED",
                IssueVariables.text(task, "escalationReasonLabel") + "；意见：" + IssueVariables.text(task, "comment"));
    }

    void evaluation(DelegateTask task) {
        issues.checkEvaluation(task.getVariable("satisfied"), task.getVariable("satisfaction"));
        task.setVariable("satisfaction", ((Number) task.getVariable("satisfaction")).longValue());
        Object comment = task.getVariable("evaluationComment");
        log.record(businessKey(task), task.getProcessInstanceId(), "EVALUATED",
                (Boolean.TRUE.equals(task.getVariable("satisfied")) ? "满意" : "不满意") + "，满意度 "
                        + task.getVariable("satisfaction")
                        + (comment == null || comment.toString().isBlank() ? "" : "；意见：" + comment));
    }

    private static String businessKey(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }
}
