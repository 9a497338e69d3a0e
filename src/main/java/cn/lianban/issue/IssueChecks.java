package cn.lianban.issue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.Deadline;
import cn.lianban.common.EngineClock;
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
    private final SimilarCases similar;
    private final IssueShelf shelf;
    private final IssueSupervision supervision;
    private final LeadAccepted acceptance;
    private final IssueMails mails;
    private final MeetingDecisions decisions;
    private final MeetingFunds funds;

    IssueChecks(IssueService issues, CaseLog log, IssueLabels labels, MeetingSlots slots, IssueSummary summary,
                SimilarCases similar, IssueShelf shelf, IssueSupervision supervision, LeadAccepted acceptance,
                IssueMails mails, MeetingDecisions decisions, MeetingFunds funds) {
        this.similar = similar;
        this.supervision = supervision;
        this.acceptance = acceptance;
        this.mails = mails;
        this.decisions = decisions;
        this.funds = funds;
        this.issues = issues;
        this.shelf = shelf;
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
            case "rate" -> rating(task, variables);
            case "scheduleMeeting" -> slots.schedule(task);
            case "meet" -> meeting(task, variables);
            case "handle" -> handling(task, variables);
            case "assist" -> assisting(task, variables);
            case "approveEscalation" -> approval(task, variables);
            case "evaluate" -> evaluation(task, variables);
            case "reviewShelf" -> shelfReview(task, variables);
            case "supervise" -> supervision(variables);
            case "approveExtension" -> extensionDecision(task, variables);
            default -> throw new IllegalStateException("no check for task " + task.getTaskDefinitionKey());
        }
    }

    /** The colour, and the similar cases ticked to merge (merged by the step after, {@code mergeIssues}). */
    private void rating(DelegateTask task, IssueVariables variables) {
        issues.checkRating(variables.proposedColor(), variables.color(), variables.overrideReason());
        variables.setMergeCases(similar.checkMerge(variables.mergeCasesAsSent(), businessKey(task),
                variables.category(), variables.communityCode(), variables.areaCode()).stream()
                .map(SimilarCases.Similar::businessKey).toList());
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
        variables.setHandlers(issues.handlers(level, variables.communityCode(), variables.gridCode(),
                m.leadDept()));
        variables.setDeadline(m.deadline());
        // the lead department decided here accepts (签收) within the colour's hours once handling starts
        variables.requestAcceptance(EngineClock.now().toInstant(), supervision.acceptBy(variables.color()));
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

    /** A report of the result, or (ticked 申请延期) a request for an extension, which goes to the approver first. */
    private void handling(DelegateTask task, IssueVariables variables) {
        // whoever completes the task unclaimed has accepted it too
        acceptance.acceptIfPending(task);
        boolean asked = variables.extensionAsked();
        variables.setExtensionAsked(asked);
        if (asked) {
            extensionRequest(task, variables);
            return;
        }
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

    /**
     * Approved, refused, or (not approved, 挂账 ticked) put on the register with a reason and a review date, which
     * the register's own step (shelveIssue) records after the refusal.
     */
    private void approval(DelegateTask task, IssueVariables variables) {
        String comment = variables.comment();
        issues.checkApproval(variables.approved(), comment);
        boolean shelve = variables.shelve();
        variables.setShelve(shelve);
        if (shelve) {
            if (variables.approved()) {
                throw new UserInputException("shelve", "同意升级时不能挂账：挂账请选择“不同意”");
            }
            variables.setShelving(shelf.shelving(variables.shelfCategory(), variables.shelfReason(),
                    variables.shelfReviewDateAsSent()));
        }
        log.record(businessKey(task), task.getProcessInstanceId(),
                variables.approved() ? "ESCALATION_APPROVED" : "ESCALATION_DENIED",
                variables.escalationReasonLabel() + "；意见：" + (comment == null ? "" : comment));
    }

    /**
     * The review of a case on the register: it stays until the next review, or leaves it (resumed, escalated or
     * ended; the ending step records the end with its reason).
     */
    private void shelfReview(DelegateTask task, IssueVariables variables) {
        IssueShelf.Review r = shelf.review(variables.shelfDecision(), variables.shelfNote(),
                variables.shelfReviewDateAsSent(), variables.level());
        String key = businessKey(task);
        String id = task.getProcessInstanceId();
        variables.setShelfState(r.decision().state());
        switch (r.decision()) {
            case KEEP -> {
                variables.setShelfReview(r.nextReviewAt().toInstant());
                shelf.reviewed(key, r.note(), r.nextReviewAt().toInstant());
                log.record(key, id, "SHELF_KEPT",
                        "下次复核 " + LocalTimes.minutes(r.nextReviewAt().toInstant()) + "；意见：" + r.note());
            }
            case RESUME -> {
                shelf.leave(key, r.decision().state(), r.note(), true);
                log.record(key, id, "SHELF_RESUMED", "按本级时限重新计时；意见：" + r.note());
            }
            case ESCALATE -> {
                shelf.leave(key, r.decision().state(), r.note(), true);
                log.record(key, id, "SHELF_ESCALATED", "意见：" + r.note());
            }
            case END -> shelf.leave(key, r.decision().state(), r.note(), true);
        }
    }

    private void extensionRequest(DelegateTask task, IssueVariables variables) {
        Instant due = variables.dueDate();
        Instant until = supervision.checkExtension(variables.color(), variables.extensions(),
                variables.extensionUntilAsSent(), variables.extensionReason(), due, variables.deadlineSetAt());
        variables.setExtensionRequest(until, LocalTimes.minutes(until));
        variables.setOriginalDueLabel(LocalTimes.minutes(due));
        log.record(businessKey(task), task.getProcessInstanceId(), "EXTENSION_REQUESTED",
                "申请延期至 " + LocalTimes.minutes(until) + "（原办理期限 " + LocalTimes.minutes(due) + "）；理由："
                        + variables.extensionReason());
    }

    private void supervision(IssueVariables variables) {
        supervision.checkSupervision(variables.supervision(), variables.newLeadDept(),
                variables.supervisionComment(), variables.level(), variables.leadDept(), variables.coDepts());
    }

    /**
     * The approver's answer to an extension: granted, the deadline, the reminder and overdue timers and the card's
     * clock move to the new date (the original stays recorded); refused, the original deadline stands.
     */
    private void extensionDecision(DelegateTask task, IssueVariables variables) {
        Boolean approved = variables.extensionApproved();
        String comment = variables.extensionComment();
        supervision.checkExtensionDecision(approved, comment);
        Instant due = variables.dueDate();
        String original = LocalTimes.minutes(due);
        String opinion = comment == null ? "" : "；意见：" + comment;
        String note;
        if (approved) {
            Deadline extended = supervision.extendedDeadline(variables.extensionUntil());
            variables.setOriginalDueDate(due);
            variables.extendDeadline(extended);
            supervision.moveHandlingTimers(task.getProcessInstanceId(), extended);
            note = "原办理期限 " + original + "，延期至 " + LocalTimes.minutes(extended.due().toInstant()) + opinion;
        } else {
            note = "仍按原办理期限 " + original + " 办结" + opinion;
        }
        log.record(businessKey(task), task.getProcessInstanceId(),
                approved ? "EXTENSION_APPROVED" : "EXTENSION_DENIED", note);
        mails.extensionDecided(variables.mail(), approved, note);
        // the next handling form opens without the request ticked, and says no second one is possible
        variables.setExtensionAsked(false);
        variables.setExtensionNote(supervision.extensionNote(variables.color(), variables.extensions(),
                variables.deadlineSetAt()));
        summary.update(task.getExecution());
    }

    /**
     * One community's evaluation (a merged case has one per community, each named in the trail). Its verdict goes
     * to the case: one unsatisfied community ends the round (the multi-instance's completion condition) and sends
     * the case back as an unsatisfied single community does.
     */
    private void evaluation(DelegateTask task, IssueVariables variables) {
        issues.checkEvaluation(variables.satisfied(), variables.satisfactionAsSent());
        variables.setSatisfaction(variables.satisfactionAsSent().longValue());
        String comment = variables.evaluationComment();
        String community = variables.communityCodes().size() > 1
                ? labels.unitName(variables.evaluatorGroup()) + "：" : "";
        log.record(businessKey(task), task.getProcessInstanceId(), "EVALUATED",
                community + (variables.satisfied() ? "满意" : "不满意") + "，满意度 " + variables.satisfaction()
                        + (comment == null ? "" : "；意见：" + comment));
        new IssueVariables(task.getExecution().getProcessInstance())
                .recordVerdict(variables.satisfied(), variables.satisfaction(), comment);
    }

    private static String businessKey(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }
}
