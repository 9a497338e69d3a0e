package cn.lianban.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.CaseClock;
import cn.lianban.common.Deadline;
import cn.lianban.common.ProcessVariables;
import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.UnitType;

/**
 * The one typed accessor of the joint-handling process's variables (docs/contract.md): every variable name of the
 * process is here once; delegates, listeners, checks, the projection and the mails read and write through it. The
 * running clock's display variables are {@link CaseClock}'s.
 */
final class IssueVariables extends ProcessVariables {

    // the filing (start form)
    private static final String TITLE = "title";
    private static final String DESCRIPTION = "description";
    private static final String CATEGORY = "category";
    private static final String COMMUNITY_CODE = "communityCode";
    private static final String HOUSEHOLDS = "households";
    private static final String ESTIMATED_COST = "estimatedCost";
    private static final String MULTI_COMMUNITY = "multiCommunity";
    private static final String MULTI_DEPARTMENT = "multiDepartment";
    private static final String SAFETY_RISK = "safetyRisk";
    // where the case sits (registerIssue)
    private static final String CASE_NO = "caseNo";
    private static final String COMMUNITY_NAME = "communityName";
    private static final String CATEGORY_NAME = "categoryName";
    private static final String AREA_CODE = "areaCode";
    private static final String STREET_CODE = "streetCode";
    private static final String COMMUNITY_GROUP = "communityGroup";
    private static final String AREA_GROUP = "areaGroup";
    private static final String STREET_GROUP = "streetGroup";
    // rating: the decision tables' results and the committee's answer
    private static final String PROPOSED_COLOR = "proposedColor";
    private static final String PROPOSED_COLOR_LABEL = "proposedColorLabel";
    private static final String COLOR = "color";
    private static final String OVERRIDE_REASON = "overrideReason";
    private static final String LEVEL = "level";
    // who handles, until when
    private static final String LEAD_DEPT = "leadDept";
    private static final String CO_DEPTS = "coDepts";
    private static final String CO_DEPT = "coDept";
    private static final String HANDLE_GROUP = "handleGroup";
    private static final String HANDLE_GRID_GROUPS = "handleGridGroups";
    private static final String MEETING_GROUP = "meetingGroup";
    private static final String DUE_DATE = "dueDate";
    private static final String REMINDER_AT = "reminderAt";
    // words for cards and forms
    private static final String STATUS = "status";
    private static final String STATUS_LABEL = "statusLabel";
    private static final String COLOR_LABEL = "colorLabel";
    private static final String LEVEL_LABEL = "levelLabel";
    private static final String LEAD_DEPT_NAME = "leadDeptName";
    private static final String CO_DEPTS_LABEL = "coDeptsLabel";
    private static final String ESCALATION_REASON = "escalationReason";
    private static final String ESCALATION_REASON_LABEL = "escalationReasonLabel";
    // the joint meeting
    private static final String MEETING_BOOKING = "meetingBooking";
    private static final String MEETING_VENUE = "meetingVenue";
    private static final String MEETING_AT = "meetingAt";
    private static final String MEETING_PLACE = "meetingPlace";
    private static final String MEETING_TIME_LABEL = "meetingTimeLabel";
    private static final String MEETING_SLOTS = "meetingSlots";
    private static final String MEETING_CHOICES = "meetingChoices";
    private static final String MEETING_CHOICE = "meetingChoice";
    private static final String MEETING_INVITEES = "meetingInvitees";
    private static final String ATTENDED = "attended";
    private static final String DEPT_TASKS = "deptTasks";
    private static final String LEAD_TASK = "leadTask";
    private static final String CO_TASKS = "coTasks";
    private static final String MOVE_MEETING = "moveMeeting";
    private static final String MEETING_SLOT = "meetingSlot";
    private static final String MEETING_MOVED = "meetingMoved";
    private static final String DEADLINE = "deadline";
    private static final String MINUTES = "minutes";
    private static final String FUNDS = "funds";
    private static final String FUNDS_PURPOSE = "fundsPurpose";
    // handling
    private static final String RESULT = "result";
    private static final String RESOLVED = "resolved";
    private static final String ROUND_RESULT = "roundResult";
    private static final String HANDLING_ROUNDS = "handlingRounds";
    private static final String ASSIST_RESULT = "assistResult";
    // approval and evaluation
    private static final String APPROVED = "approved";
    private static final String COMMENT = "comment";
    private static final String SATISFIED = "satisfied";
    private static final String SATISFACTION = "satisfaction";
    private static final String EVALUATION_COMMENT = "evaluationComment";
    // counts
    private static final String ESCALATIONS = "escalations";
    private static final String REOPENS = "reopens";
    private static final String OVERDUE_COUNT = "overdueCount";
    private static final String CENTER_REMINDERS = "centerReminders";

    /** The variables an issue_summary row is made of ({@link #issueCase}), to read from history for the backfill. */
    private static final List<String> SUMMARY = List.of(TITLE, DESCRIPTION, COMMUNITY_CODE, COMMUNITY_NAME,
            AREA_CODE, STREET_CODE, CATEGORY, COLOR, LEVEL, STATUS, STATUS_LABEL, LEAD_DEPT, CO_DEPTS, HANDLE_GROUP,
            MEETING_AT, MEETING_PLACE, DUE_DATE, CaseClock.START, CaseClock.DUE, CaseClock.LIGHT, ESCALATIONS);

    IssueVariables(VariableScope scope) {
        super(scope);
    }

    /** Over the variables read from history: read only. */
    IssueVariables(Map<String, Object> values) {
        super(values);
    }

    /** The names to read from history for {@link #issueCase}. */
    static String[] summaryNames() {
        return SUMMARY.toArray(String[]::new);
    }

    /** Words, not codes, on Tasklist cards: the display variables the process keeps (and CaseClock's). */
    static Map<String, String> cardColumns() {
        return TasklistFilters.columns(CASE_NO, "编号", TITLE, "标题", COMMUNITY_NAME, "社区", STATUS_LABEL, "状态",
                COLOR_LABEL, "评级", LEVEL_LABEL, "层级", LEAD_DEPT_NAME, "牵头部门", CaseClock.DUE_LABEL, "办理期限",
                CaseClock.LIGHT_LABEL, "时效");
    }

    // the filing

    /** The filing as the start form or REST sent it, to be checked. */
    IssueService.Filing filing() {
        return new IssueService.Filing(raw(TITLE), raw(DESCRIPTION), raw(CATEGORY), raw(COMMUNITY_CODE),
                raw(HOUSEHOLDS), raw(ESTIMATED_COST), raw(MULTI_COMMUNITY), raw(MULTI_DEPARTMENT), raw(SAFETY_RISK));
    }

    /** The contract's types: counts and money as Long, flags as Boolean (forms may send Double or nothing). */
    void normalizeFiling() {
        for (String key : List.of(HOUSEHOLDS, ESTIMATED_COST)) {
            set(key, ((Number) raw(key)).longValue());
        }
        for (String key : List.of(MULTI_COMMUNITY, MULTI_DEPARTMENT, SAFETY_RISK)) {
            set(key, flag(key));
        }
    }

    String title() {
        return text(TITLE);
    }

    String category() {
        return text(CATEGORY);
    }

    String communityCode() {
        return text(COMMUNITY_CODE);
    }

    String communityName() {
        return text(COMMUNITY_NAME);
    }

    void setCaseNo(String caseNo) {
        set(CASE_NO, caseNo);
    }

    void setCategoryName(String name) {
        set(CATEGORY_NAME, name);
    }

    /** Where the case sits, and the groups of its community, area and street (candidates, mails, case access). */
    void setPlace(Placement p) {
        set(COMMUNITY_CODE, p.community().code());
        set(COMMUNITY_NAME, p.community().name());
        set(AREA_CODE, p.area().code());
        set(STREET_CODE, p.street().code());
        set(COMMUNITY_GROUP, UnitType.COMMUNITY.group(p.community().code()));
        set(AREA_GROUP, UnitType.AREA.group(p.area().code()));
        set(STREET_GROUP, UnitType.STREET.group(p.street().code()));
    }

    String communityGroup() {
        return text(COMMUNITY_GROUP);
    }

    String areaGroup() {
        return text(AREA_GROUP);
    }

    String streetGroup() {
        return text(STREET_GROUP);
    }

    // rating and level

    String proposedColor() {
        return text(PROPOSED_COLOR);
    }

    void setProposedColorLabel(String label) {
        set(PROPOSED_COLOR_LABEL, label);
    }

    String color() {
        return text(COLOR);
    }

    String overrideReason() {
        return text(OVERRIDE_REASON);
    }

    /** The handling level (1–5); none before the decision table chose it. */
    Integer level() {
        return raw(LEVEL) instanceof Number n ? n.intValue() : null;
    }

    void setLevel(int level) {
        set(LEVEL, level);
    }

    // who handles, until when

    String leadDept() {
        return text(LEAD_DEPT);
    }

    void setLeadDept(String code) {
        set(LEAD_DEPT, code);
    }

    /** The co-departments (协办部门) decided for the case; empty before the meeting. */
    @SuppressWarnings("unchecked")
    List<String> coDepts() {
        return raw(CO_DEPTS) instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The co-departments as the meeting form sent them: a list, JSON or text, to be checked. */
    Object coDeptsAsSent() {
        return raw(CO_DEPTS);
    }

    void setCoDepts(List<String> codes) {
        // a mutable list: the engine stores it as JSON with its Java type and reads it back
        set(CO_DEPTS, new ArrayList<>(codes));
    }

    /** The co-department of one 协办 task (the multi-instance element). */
    String coDept() {
        return text(CO_DEPT);
    }

    String handleGroup() {
        return text(HANDLE_GROUP);
    }

    @SuppressWarnings("unchecked")
    List<String> handleGridGroups() {
        return raw(HANDLE_GRID_GROUPS) instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** Who handles: {@code handleGroup} (mails and case access) and the grid workers who may take it too. */
    void setHandlers(IssueService.Handlers handlers) {
        set(HANDLE_GROUP, handlers.group());
        set(HANDLE_GRID_GROUPS, new ArrayList<>(handlers.gridGroups()));
    }

    String meetingGroup() {
        return text(MEETING_GROUP);
    }

    void setMeetingGroup(String group) {
        set(MEETING_GROUP, group);
    }

    Instant dueDate() {
        return instant(DUE_DATE);
    }

    /** A new time limit: the timers, and the case's clock on cards (deadline and 时效灯) starts again. */
    void setDeadline(Deadline deadline) {
        setTimers(deadline);
        CaseClock.start(writable(), deadline.due().toInstant());
    }

    /** Moves only the timers (reminder, overdue); the case's clock and its light stay as they are. */
    void setTimers(Deadline deadline) {
        set(DUE_DATE, deadline.dueDate());
        set(REMINDER_AT, deadline.reminderDate());
    }

    // words for cards and forms

    String status() {
        return text(STATUS);
    }

    void setStatus(IssueStatus status) {
        set(STATUS, status.name());
        set(STATUS_LABEL, status.label());
    }

    /**
     * A step that comes round again (a second meeting after escalation, another handling round, approval or
     * evaluation) opens its form blank: Tasklist fills a form from the case's variables, so the answers of the last
     * round would otherwise stand pre-filled. What earlier rounds answered stays in the audit trail and in
     * {@code handlingRounds}. The meeting keeps its proposals (lead and co-departments).
     */
    void clearAnswers(IssueStatus entered) {
        List<String> asked = switch (entered) {
            case MEETING -> List.of(DEADLINE, MINUTES, FUNDS, FUNDS_PURPOSE, ATTENDED, LEAD_TASK, CO_TASKS, DEPT_TASKS);
            case HANDLING -> List.of(RESULT, RESOLVED);
            case ESCALATING -> List.of(APPROVED, COMMENT);
            case EVALUATING -> List.of(SATISFIED, SATISFACTION, EVALUATION_COMMENT);
            case RATING, CLOSED -> List.of();
        };
        asked.forEach(this::remove);
    }

    void setColorLabel(String label) {
        set(COLOR_LABEL, label);
    }

    void setLevelLabel(String label) {
        set(LEVEL_LABEL, label);
    }

    String leadDeptName() {
        return text(LEAD_DEPT_NAME);
    }

    void setLeadDeptName(String name) {
        set(LEAD_DEPT_NAME, name);
    }

    void setCoDeptsLabel(String label) {
        set(CO_DEPTS_LABEL, label);
    }

    String escalationReasonLabel() {
        return text(ESCALATION_REASON_LABEL);
    }

    void setEscalationReason(EscalationReason reason) {
        set(ESCALATION_REASON, reason.name());
        set(ESCALATION_REASON_LABEL, reason.label());
    }

    // the joint meeting

    String meetingBooking() {
        return text(MEETING_BOOKING);
    }

    void setMeetingBooking(String code) {
        set(MEETING_BOOKING, code);
    }

    String meetingVenue() {
        return text(MEETING_VENUE);
    }

    void setMeetingVenue(String code) {
        set(MEETING_VENUE, code);
    }

    String meetingPlace() {
        return text(MEETING_PLACE);
    }

    String meetingTimeLabel() {
        return text(MEETING_TIME_LABEL);
    }

    /** When and where the meeting is, and the time as people read it (2026-03-03 09:00–11:00). */
    void setMeeting(Instant at, String place, String timeLabel) {
        set(MEETING_AT, at);
        set(MEETING_PLACE, place);
        set(MEETING_TIME_LABEL, timeLabel);
    }

    Instant meetingAt() {
        return instant(MEETING_AT);
    }

    /** The venues' free slots 选定会议时间 offers (a form-js {@code valuesKey}: label and value each). */
    void setMeetingChoices(List<Map<String, String>> options) {
        set(MEETING_CHOICES, options);
    }

    /** The values of the slots 选定会议时间 offers ({@code <venue>|<start>}). */
    @SuppressWarnings("unchecked")
    List<String> meetingChoicesOffered() {
        return raw(MEETING_CHOICES) instanceof List<?> list
                ? list.stream().map(o -> ((Map<String, String>) o).get("value")).toList() : List.of();
    }

    /** The venue and slot the convener chose ({@code <venue>|<start>}); null when none. */
    String meetingChoice() {
        return text(MEETING_CHOICE);
    }

    /** A new meeting is chosen afresh: the last one's choice and booking stay only in the audit trail. */
    void clearMeetingChoice() {
        remove(MEETING_CHOICE);
        remove(MEETING_BOOKING);
        remove(MEETING_VENUE);
    }

    /** Who was invited, as the meeting form's attendance options (a form-js {@code valuesKey}). */
    void setMeetingInvitees(List<Map<String, String>> options) {
        set(MEETING_INVITEES, options);
    }

    /** The invitees offered to the meeting form: key → name, in the order offered. */
    @SuppressWarnings("unchecked")
    Map<String, String> meetingInvitees() {
        Map<String, String> offered = new LinkedHashMap<>();
        if (raw(MEETING_INVITEES) instanceof List<?> list) {
            for (Object o : list) {
                Map<String, String> option = (Map<String, String>) o;
                offered.put(option.get("value"), option.get("label"));
            }
        }
        return offered;
    }

    /** Who came, as the form sent it: a list or JSON, to be checked. */
    Object attendedAsSent() {
        return raw(ATTENDED);
    }

    void setAttended(List<String> keys) {
        set(ATTENDED, new ArrayList<>(keys));
    }

    String leadTask() {
        return text(LEAD_TASK);
    }

    /** The co-departments' tasks as the form sent them: one line each, to be checked. */
    String coTasks() {
        return text(CO_TASKS);
    }

    /** Each department's task as the meeting decided it (department, task, its own date), for the case's record. */
    void setDeptTasks(List<Map<String, String>> rows) {
        set(DEPT_TASKS, new ArrayList<>(rows));
    }

    /** The free slots the meeting form offers (a form-js {@code valuesKey}: label and value each). */
    void setMeetingSlots(List<Map<String, String>> options) {
        set(MEETING_SLOTS, options);
    }

    /** The convener ticked 改期 instead of recording decisions. */
    boolean moveMeeting() {
        return flag(MOVE_MEETING);
    }

    String meetingSlot() {
        return text(MEETING_SLOT);
    }

    /** Leads the BPMN back to the meeting task after a move. */
    void setMeetingMoved(boolean moved) {
        set(MEETING_MOVED, moved);
    }

    /** The next meeting task starts with a fresh form, not with 改期 ticked. */
    void clearMoveChoice() {
        set(MOVE_MEETING, false);
        set(MEETING_SLOT, null);
    }

    /** The meeting's deadline as the form sent it: a date or its text, to be checked. */
    Object deadlineAsSent() {
        return raw(DEADLINE);
    }

    String minutes() {
        return text(MINUTES);
    }

    /** The yuan the meeting decided, as the form sent it (forms send Long or Double), to be checked. */
    Object fundsAsSent() {
        return raw(FUNDS);
    }

    /** The contract's type: whole yuan as Long. */
    void setFunds(long yuan) {
        set(FUNDS, yuan);
    }

    String fundsPurpose() {
        return text(FUNDS_PURPOSE);
    }

    // handling

    String result() {
        return text(RESULT);
    }

    /** Whether the lead reports the issue solved; null when not answered yes or no. */
    Boolean resolved() {
        return answer(RESOLVED);
    }

    void setRoundResult(String text) {
        set(ROUND_RESULT, text);
    }

    void setHandlingRounds(String markdown) {
        set(HANDLING_ROUNDS, markdown);
    }

    String assistResult() {
        return text(ASSIST_RESULT);
    }

    /** The variable is the case's, not one department's: the next co-department's form must not show this part. */
    void clearAssistResult() {
        remove(ASSIST_RESULT);
    }

    // approval and evaluation

    /** Whether the escalation is approved; null when not answered yes or no. */
    Boolean approved() {
        return answer(APPROVED);
    }

    String comment() {
        return text(COMMENT);
    }

    /** Whether residents are satisfied; null when not answered yes or no. */
    Boolean satisfied() {
        return answer(SATISFIED);
    }

    /** The satisfaction as the form sent it (forms send Long or Double), to be checked. */
    Number satisfactionAsSent() {
        return raw(SATISFACTION) instanceof Number n ? n : null;
    }

    Long satisfaction() {
        return number(SATISFACTION);
    }

    void setSatisfaction(long score) {
        set(SATISFACTION, score);
    }

    String evaluationComment() {
        return text(EVALUATION_COMMENT);
    }

    // counts

    long escalations() {
        return count(ESCALATIONS);
    }

    void setEscalations(long count) {
        set(ESCALATIONS, count);
    }

    long reopens() {
        return count(REOPENS);
    }

    void setReopens(long count) {
        set(REOPENS, count);
    }

    long overdueCount() {
        return count(OVERDUE_COUNT);
    }

    void setOverdueCount(long count) {
        set(OVERDUE_COUNT, count);
    }

    long centerReminders() {
        return count(CENTER_REMINDERS);
    }

    void setCenterReminders(long count) {
        set(CENTER_REMINDERS, count);
    }

    // the projection row and the mails

    /**
     * The case's row in issue_summary; a case just registered waits for rating. The times the variables do not hold
     * are the caller's: when it was filed, and when it closed (kept only when the status is CLOSED).
     */
    IssueCase issueCase(String businessKey, String processInstanceId, Instant filedAt, Instant closedAt) {
        String status = text(STATUS);
        return new IssueCase(businessKey, processInstanceId, asWritten(TITLE), asWritten(DESCRIPTION),
                text(COMMUNITY_CODE), asWritten(COMMUNITY_NAME), text(AREA_CODE), text(STREET_CODE), text(CATEGORY),
                text(COLOR), level(), status == null ? IssueStatus.RATING.name() : status, asWritten(STATUS_LABEL),
                text(LEAD_DEPT), coDepts(), text(HANDLE_GROUP), instant(MEETING_AT), asWritten(MEETING_PLACE),
                filedAt, dueDate(), IssueStatus.CLOSED.name().equals(status) ? closedAt : null,
                instant(CaseClock.START), instant(CaseClock.DUE), text(CaseClock.LIGHT) != null, count(ESCALATIONS));
    }

    /** What the mails of the case show and whom they go to. */
    IssueMail mail() {
        return new IssueMail(text(CASE_NO), text(TITLE), text(DESCRIPTION), text(COMMUNITY_CODE),
                text(COMMUNITY_NAME), text(CATEGORY), text(COLOR), text(COLOR_LABEL), level(), text(LEVEL_LABEL),
                text(LEAD_DEPT), text(LEAD_DEPT_NAME), coDepts(), dueDate(), text(MINUTES), text(RESULT),
                answer(SATISFIED), satisfaction(), text(COMMENT), number(ESCALATIONS),
                new IssueMail.Groups(text(HANDLE_GROUP), text(MEETING_GROUP), text(COMMUNITY_GROUP),
                        text(AREA_GROUP), text(STREET_GROUP)));
    }

    private long count(String name) {
        Long value = number(name);
        return value == null ? 0 : value;
    }

    /** Text as the process wrote it, spaces kept (the case page shows it so), blank as null. */
    private String asWritten(String name) {
        Object value = raw(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
