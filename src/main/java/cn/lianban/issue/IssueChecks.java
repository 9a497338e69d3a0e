package cn.lianban.issue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.UserInputException;
import cn.lianban.resource.MeetingFunds;

/**
 * Checks on completing the user tasks of joint-handling. A failed check throws, so the task stays
 * open and the user sees the message; what passes is normalised to the contract's types.
 */
@Component("issueChecks")
class IssueChecks implements TaskListener {

    private final IssueService issues;
    private final CaseLog log;
    private final IssueLabels labels;
    private final MeetingSlots slots;
    private final IssueSummary summary;
    private final MeetingDecisions decisions;
    private final MeetingFunds funds;

    IssueChecks(IssueService issues, CaseLog log, IssueLabels labels, MeetingSlots slots, IssueSummary summary,
                MeetingDecisions decisions, MeetingFunds funds) {
        this.decisions = decisions;
        this.funds = funds;
        this.issues = issues;
        this.log = log;
        this.labels = labels;
        this.slots = slots;
        this.summary = summary;
    }

    /** Called on completion of every user task of joint-handling; the task key says which check applies. */
    @Override
    public void notify(DelegateTask task) {
        IssueVariables variables = new IssueVariables(task);
        switch (task.getTaskDefinitionKey()) {
            case "rate" -> rating(variables);
            case "scheduleMeeting" -> slots.schedule(task);
            case "meet" -> meeting(task, variables);
            case "handle" -> handling(task, variables);
            case "assist" -> assisting(task, variables);
            case "approveEscalation" -> approval(task, variables);
            case "evaluate" -> evaluation(task, variables);
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        }
    }

    private void rating(IssueVariables variables) {
        issues.checkRating(variables.proposedColor(), variables.color(), variables.overrideReason());
    }

    /**
     * The meeting's decisions, or (ticked 改期) a move of the meeting to another free slot, after which the meeting
     * task comes back for the decisions ({@code meetingMoved} leads the BPMN back to it). Either changes what the
     * case page shows (the meeting's time, or the departments and the clock): the case's row follows.
     */
    private void meeting(DelegateTask task, IssueVariables variables) {
        boolean move = variables.moveMeeting();
        variables.setMeetingMoved(move);
        if (move) {
            slots.move(task);
            variables.clearMoveChoice();
            summary.update(task.getExecution());
            return;
        }
        int level = variables.level();
        IssueService.Meeting m = issues.meeting(variables.leadDept(), variables.coDeptsAsSent(),
                variables.deadlineAsSent(), variables.minutes(), level);
        Map<String, String> invitees = variables.meetingInvitees();
        List<String> attended = decisions.attendance(variables.attendedAsSent(), invitees);
        Map<String, String> deptNames = new HashMap<>();
        deptNames.put(m.leadDept(), labels.deptName(m.leadDept()));
        m.coDepts().forEach(d -> deptNames.put(d, labels.deptName(d)));
        List<MeetingDecisions.DeptTask> tasks = decisions.deptTasks(variables.leadTask(), variables.coTasks(), m,
                deptNames);
        long yuan = decisions.funds(variables.fundsAsSent(), variables.fundsPurpose());
        variables.setLeadDept(m.leadDept());
        variables.setCoDepts(m.coDepts());
        variables.setHandlers(issues.handlers(level, variables.communityCode(), m.leadDept()));
        variables.setDeadline(m.deadline());
        variables.setAttended(attended);
        variables.setDeptTasks(tasks.stream().map(MeetingDecisions.DeptTask::asMap).toList());
        labels.apply(variables, false);
        log.record(businessKey(task), task.getProcessInstanceId(), "MEETING",
                "牵头部门 " + labels.deptName(m.leadDept())
                        + (m.coDepts().isEmpty() ? "" : "，协办部门 " + String.join("、", labels.deptNames(m.coDepts())))
                        + "，办理期限 " + LocalTimes.minutes(m.deadline().due().toInstant())
                        + (attended.isEmpty() ? "" : "；到会：" + String.join("、", attended.stream()
                                .map(invitees::get).toList()))
                        + (tasks.isEmpty() ? "" : "；分工：" + String.join("；", tasks.stream().map(t ->
                                deptNames.get(t.dept()) + " " + t.task()
                                        + (t.due() == null ? "" : "（" + t.due() + " 前）")).toList()))
                        + "；纪要：" + variables.minutes());
        if (variables.fundsAsSent() != null) {
            variables.setFunds(yuan);
        }
        if (yuan > 0) {
            MeetingFunds.Placed placed = funds.place(businessKey(task), variables.communityCode(), yuan,
                    variables.fundsPurpose());
            log.record(businessKey(task), task.getProcessInstanceId(), "FUNDS_PLACED", "安排资金 " + yuan + " 元（"
                    + variables.fundsPurpose() + "）：" + (placed.claim()
                    ? "已向资源清单项目「" + placed.itemName() + "」提交认领 " + placed.businessKey()
                    : "本月资源清单没有合适的资金项目，已向财政部门社区点单 " + placed.businessKey()));
        }
        summary.update(task.getExecution());
    }

    private void handling(DelegateTask task, IssueVariables variables) {
        issues.checkHandling(variables.result(), variables.resolved());
        String outcome = (variables.resolved() ? "已解决：" : "未解决：") + variables.result();
        variables.setRoundResult(variables.leadDeptName() + " " + outcome);
        log.record(businessKey(task), task.getProcessInstanceId(), "HANDLED", outcome);
    }

    /** Parallel co-departments share one variable name, so each part is kept in the audit trail. */
    private void assisting(DelegateTask task, IssueVariables variables) {
        String part = variables.assistResult();
        if (part == null) {
            throw new UserInputException("assistResult", "请填写协办情况");
        }
        String dept = variables.coDept();
        log.record(new CaseLog.Entry(businessKey(task), task.getProcessInstanceId(), "ASSISTED",
                labels.deptName(dept) + "：" + part).dept(dept));
        variables.clearAssistResult();
    }

    private void approval(DelegateTask task, IssueVariables variables) {
        String comment = variables.comment();
        issues.checkApproval(variables.approved(), comment);
        log.record(businessKey(task), task.getProcessInstanceId(),
                variables.approved() ? "ESCALATION_APPROVED" : "ESCALATION_DENIED",
                variables.escalationReasonLabel() + "；意见：" + (comment == null ? "" : comment));
    }

    private void evaluation(DelegateTask task, IssueVariables variables) {
        issues.checkEvaluation(variables.satisfied(), variables.satisfactionAsSent());
        variables.setSatisfaction(variables.satisfactionAsSent().longValue());
        String comment = variables.evaluationComment();
        log.record(businessKey(task), task.getProcessInstanceId(), "EVALUATED",
                (variables.satisfied() ? "满意" : "不满意") + "，满意度 " + variables.satisfaction()
                        + (comment == null ? "" : "；意见：" + comment));
    }

    private static String businessKey(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }
}
