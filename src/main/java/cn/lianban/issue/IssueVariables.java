package cn.lianban.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.CaseClock;
import cn.lianban.common.Deadline;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.Position;
import cn.lianban.common.ProcessVariables;
import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Grid;
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
    /** Optional (issue 14): the grid filed for; its workers handle the case at level 1. */
    private static final String GRID_CODE = "gridCode";
    private static final String HOUSEHOLDS = "households";
    private static final String ESTIMATED_COST = "estimatedCost";
    private static final String MULTI_COMMUNITY = "multiCommunity";
    private static final String MULTI_DEPARTMENT = "multiDepartment";
    private static final String SAFETY_RISK = "safetyRisk";
    /** The start form's optional place in words (具体位置). */
    private static final String LOCATION = "location";
    /** Where the problem is, WGS-84 degrees (optional, both or neither; {@link Position}). */
    private static final String LAT = "lat";
    private static final String LON = "lon";
    /** Optional (issue 14): the mobile of the resident who reported the problem, told of each status by SMS. */
    private static final String REPORTER_PHONE = "reporterPhone";
    // where the case sits (registerIssue)
    private static final String CASE_NO = "caseNo";
    private static final String COMMUNITY_NAME = "communityName";
    private static final String GRID_NAME = "gridName";
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
    /** No time limit runs (挂账): no due date for the case's row, the dashboard and the 逾期 counts. */
    void clearTimers() {
        remove(DUE_DATE);
        remove(REMINDER_AT);
    }

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
    // 区域共性问题: similar cases shown at rating, merging, evaluation by each community
    private static final String SIMILAR_CASES = "similarCases";
    private static final String SIMILAR_CASE_OPTIONS = "similarCaseOptions";
    private static final String MERGE_CASES = "mergeCases";
    private static final String MERGED_CASES = "mergedCases";
    private static final String MERGED_INTO = "mergedInto";
    private static final String COMMUNITY_CODES = "communityCodes";
    private static final String COMMUNITIES_LABEL = "communitiesLabel";
    private static final String EVALUATOR_GROUP = "evaluatorGroup";
    private static final String EVALUATOR_NAME = "evaluatorName";
    // 挂账: put on the register at approval (approve form), reviewed monthly (review form)
    private static final String SHELVE = "shelve";
    private static final String SHELF_CATEGORY = "shelfCategory";
    private static final String SHELF_REASON = "shelfReason";
    private static final String SHELF_REVIEW_DATE = "shelfReviewDate";
    private static final String SHELF_REVIEW_AT = "shelfReviewAt";
    private static final String SHELF_STATE = "shelfState";
    private static final String SHELF_LABEL = "shelfLabel";
    private static final String SHELF_REVIEW_LABEL = "shelfReviewLabel";
    private static final String SHELF_DECISION = "shelfDecision";
    private static final String SHELF_NOTE = "shelfNote";
    // 提级 by the city center: the request, local to the raising step
    private static final String RAISE_LEVEL = "raiseLevel";
    private static final String RAISE_REASON = "raiseReason";
    // acceptance (签收) by the lead and its supervision (督办), issue 13
    private static final String ACCEPT_PENDING = "acceptPending";
    private static final String ACCEPT_FROM = "acceptFrom";
    private static final String ACCEPT_BY = "acceptBy";
    private static final String ACCEPTANCE_LABEL = "acceptanceLabel";
    private static final String ACCEPTED_AT = "leadAcceptedAt";
    private static final String SUPERVISOR_GROUP = "supervisorGroup";
    private static final String SUPERVISION = "supervision";
    private static final String NEW_LEAD_DEPT = "newLeadDept";
    private static final String SUPERVISION_COMMENT = "supervisionComment";
    private static final String ACCEPT_SUPERVISIONS = "acceptSupervisions";
    // extension (延期), issue 13
    private static final String DEADLINE_SET_AT = "deadlineSetAt";
    private static final String EXTENSION_ASKED = "extensionAsked";
    private static final String EXTENSION_UNTIL = "extensionUntil";
    private static final String EXTENSION_REASON = "extensionReason";
    private static final String EXTENSION_UNTIL_LABEL = "extensionUntilLabel";
    private static final String EXTENSION_NOTE = "extensionNote";
    private static final String EXTENSIONS = "extensions";
    private static final String EXTENSION_APPROVED = "extensionApproved";
    private static final String EXTENSION_COMMENT = "extensionComment";
    private static final String ORIGINAL_DUE_DATE = "originalDueDate";
    private static final String ORIGINAL_DUE_LABEL = "originalDueLabel";

    /** The variables an issue_summary row is made of ({@link #issueCase}), to read from history for the backfill. */
    private static final List<String> SUMMARY = List.of(TITLE, DESCRIPTION, COMMUNITY_CODE, COMMUNITY_NAME,
            AREA_CODE, STREET_CODE, CATEGORY, COLOR, LEVEL, STATUS, STATUS_LABEL, LEAD_DEPT, CO_DEPTS, HANDLE_GROUP,
            MEETING_AT, MEETING_PLACE, DUE_DATE, CaseClock.START, CaseClock.DUE, CaseClock.LIGHT, ESCALATIONS, LOCATION, LAT,
            LON, GRID_CODE, GRID_NAME, SATISFACTION);

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
                CaseClock.LIGHT_LABEL, "时效", ACCEPTANCE_LABEL, "签收");
    }

    /** A grid worker's cards name the grid (issue 14); blank for a case of the whole community. */
    static Map<String, String> gridColumns() {
        Map<String, String> columns = new LinkedHashMap<>(cardColumns());
        columns.put(GRID_NAME, "网格");
        return columns;
    }

    /** The approver's cards say why each request comes (issue 13). */
    static Map<String, String> approvalColumns() {
        Map<String, String> columns = new LinkedHashMap<>(cardColumns());
        columns.put(ESCALATION_REASON_LABEL, "升级原因");
        return columns;
    }

    /** The review's cards say why the case is on the register and when it is reviewed. */
    static Map<String, String> shelfColumns() {
        Map<String, String> columns = new LinkedHashMap<>(cardColumns());
        columns.put(SHELF_LABEL, "挂账原因");
        columns.put(SHELF_REVIEW_LABEL, "复核日期");
        return columns;
    }

    // the filing

    /** The start variables of a case filed from the project's own pages ({@link IssueStarts}): only what is given. */
    static Map<String, Object> startVariables(IssueStarts.Start start) {
        Map<String, Object> v = new HashMap<>();
        putGiven(v, TITLE, start.title());
        putGiven(v, DESCRIPTION, start.description());
        putGiven(v, CATEGORY, start.category());
        putGiven(v, LOCATION, start.location());
        putGiven(v, HOUSEHOLDS, start.households());
        putGiven(v, ESTIMATED_COST, start.estimatedCost());
        putGiven(v, MULTI_COMMUNITY, start.multiCommunity());
        putGiven(v, MULTI_DEPARTMENT, start.multiDepartment());
        putGiven(v, SAFETY_RISK, start.safetyRisk());
        putGiven(v, GRID_CODE, start.gridCode());
        putGiven(v, LAT, start.lat());
        putGiven(v, LON, start.lon());
        putGiven(v, REPORTER_PHONE, start.reporterPhone());
        return v;
    }

    /** The filing as the start form or REST sent it, to be checked. */
    IssueService.Filing filing() {
        return new IssueService.Filing(raw(TITLE), raw(DESCRIPTION), raw(CATEGORY), raw(COMMUNITY_CODE),
                raw(GRID_CODE), raw(HOUSEHOLDS), raw(ESTIMATED_COST), raw(MULTI_COMMUNITY), raw(MULTI_DEPARTMENT),
                raw(SAFETY_RISK), raw(LAT), raw(LON), raw(REPORTER_PHONE));
    }

    /** The reporter's mobile as checked at filing (11 digits), or none. */
    void setReporterPhone(String mobile) {
        if (mobile == null) {
            remove(REPORTER_PHONE);
        } else {
            set(REPORTER_PHONE, mobile);
        }
    }

    /** The mobile of the resident who reported the problem; null when the filing gave none. */
    String reporterPhone() {
        return text(REPORTER_PHONE);
    }

    /** The position as checked at filing, stored as the contract's Doubles (REST may send whole numbers). */
    void setPosition(Position position) {
        if (position != null) {
            set(LAT, position.lat());
            set(LON, position.lon());
        }
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

    /** The case's JH number as registered. */
    String caseNo() {
        return text(CASE_NO);
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

    /** The grid filed for, with its name for cards and forms; none for a case of the whole community. */
    void setGrid(Grid grid) {
        if (grid == null) {
            // a blank code as a form sends it means no grid
            remove(GRID_CODE);
            remove(GRID_NAME);
        } else {
            set(GRID_CODE, grid.code());
            set(GRID_NAME, grid.name());
        }
    }

    /** The grid filed for; null for a case of the whole community. */
    String gridCode() {
        return text(GRID_CODE);
    }

    /** The grid's workers' group; null for a case of the whole community. */
    String gridGroup() {
        String code = gridCode();
        return code == null ? null : UnitType.GRID.group(code);
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
        set(DEADLINE_SET_AT, raw(CaseClock.START));
    }

    /** An approved extension: the timers and the clock move to the new deadline; the handling start stays. */
    void extendDeadline(Deadline deadline) {
        setTimers(deadline);
        CaseClock.start(writable(), deadline.due().toInstant());
    }

    /** Moves only the timers (reminder, overdue); the case's clock and its light stay as they are. */
    void setTimers(Deadline deadline) {
        set(DUE_DATE, deadline.dueDate());
        set(REMINDER_AT, deadline.reminderDate());
    }

    // acceptance (签收) and its supervision (督办)

    /** A handler newly given the case (交办, 会商, 改派) must accept it by {@code acceptBy}, counted from now. */
    void requestAcceptance(Instant from, Instant acceptBy) {
        set(ACCEPT_PENDING, true);
        set(ACCEPT_FROM, from);
        set(ACCEPT_BY, acceptBy);
    }

    boolean acceptPending() {
        return flag(ACCEPT_PENDING);
    }

    Instant acceptFrom() {
        return instant(ACCEPT_FROM);
    }

    Instant acceptBy() {
        return instant(ACCEPT_BY);
    }

    /** The acceptance timer of a round that needs none stays quiet until the handling deadline. */
    void setAcceptByToDue() {
        set(ACCEPT_BY, raw(DUE_DATE));
    }

    /** While the lead has not accepted, cards and the 时效灯 count down to the acceptance deadline. */
    void startAcceptanceClock(String label) {
        CaseClock.start(writable(), acceptBy());
        set(ACCEPTANCE_LABEL, label);
    }

    /** Accepted: no acceptance waits any more, and the clock counts down to the handling deadline again. */
    void accepted(Instant at) {
        set(ACCEPT_PENDING, false);
        set(ACCEPTED_AT, at);
        set(ACCEPTANCE_LABEL, "已签收");
        CaseClock.start(writable(), dueDate());
    }

    /**
     * A claim is a task command, not a step of the process: the engine evaluates the conditional events that watch
     * {@code acceptPending} (督办 ends once accepted) only for a change made through the runtime service.
     */
    static void publishAccepted(RuntimeService runtime, String processInstanceId) {
        runtime.setVariable(processInstanceId, ACCEPT_PENDING, false);
    }

    /** Handling ended before anyone accepted (time limit, escalation): the acceptance wait ends with it. */
    void acceptanceEnded() {
        set(ACCEPT_PENDING, false);
        remove(ACCEPTANCE_LABEL);
    }

    String supervisorGroup() {
        return text(SUPERVISOR_GROUP);
    }

    void setSupervisorGroup(String group) {
        set(SUPERVISOR_GROUP, group);
    }

    /** The supervisor's choice: URGE (催办) or REASSIGN (改派), as the form sent it. */
    String supervision() {
        return text(SUPERVISION);
    }

    String newLeadDept() {
        return text(NEW_LEAD_DEPT);
    }

    String supervisionComment() {
        return text(SUPERVISION_COMMENT);
    }

    /** The next 督办 form opens blank. */
    void clearSupervision() {
        List.of(SUPERVISION, NEW_LEAD_DEPT, SUPERVISION_COMMENT).forEach(this::remove);
    }

    long acceptSupervisions() {
        return count(ACCEPT_SUPERVISIONS);
    }

    void setAcceptSupervisions(long count) {
        set(ACCEPT_SUPERVISIONS, count);
    }

    // extension (延期)

    /** When the current handling deadline was set: an extension counts its limit from here. */
    Instant deadlineSetAt() {
        return instant(DEADLINE_SET_AT);
    }

    /** Whether the lead's handling form asks for an extension instead of reporting a result. */
    boolean extensionAsked() {
        return flag(EXTENSION_ASKED);
    }

    /** Leads the BPMN to the approval (true) or on (false): always a Boolean once the lead completed. */
    void setExtensionAsked(boolean asked) {
        set(EXTENSION_ASKED, asked);
    }

    /** The new date as the form sent it: a date or its text, to be checked. */
    Object extensionUntilAsSent() {
        return raw(EXTENSION_UNTIL);
    }

    String extensionReason() {
        return text(EXTENSION_REASON);
    }

    long extensions() {
        return count(EXTENSIONS);
    }

    /** The request as checked: counted (once per case), the new date for the approver in words. */
    void setExtensionRequest(Instant until, String untilLabel) {
        set(EXTENSIONS, extensions() + 1);
        set(EXTENSION_UNTIL, until);
        set(EXTENSION_UNTIL_LABEL, untilLabel);
    }

    Instant extensionUntil() {
        return instant(EXTENSION_UNTIL);
    }

    /** What the handling form tells the lead about extending (allowed until when, or why not). */
    void setExtensionNote(String note) {
        set(EXTENSION_NOTE, note);
    }

    /** Whether the approver grants the extension; null when not answered yes or no. */
    Boolean extensionApproved() {
        return answer(EXTENSION_APPROVED);
    }

    String extensionComment() {
        return text(EXTENSION_COMMENT);
    }

    Instant originalDueDate() {
        return instant(ORIGINAL_DUE_DATE);
    }

    /** The deadline the request would extend, for the approver's form. */
    void setOriginalDueLabel(String label) {
        set(ORIGINAL_DUE_LABEL, label);
    }

    /** The deadline before an approved extension, kept for the case page. */
    void setOriginalDueDate(Instant due) {
        set(ORIGINAL_DUE_DATE, due);
    }

    /** What the case page reads from history about acceptance and extension ({@link IssueCaseReader#deadlines}). */
    static String[] deadlineNames() {
        return new String[] {ACCEPT_PENDING, ACCEPT_BY, ORIGINAL_DUE_DATE};
    }

    // words for cards and forms

    String status() {
        return text(STATUS);
    }

    String statusLabel() {
        return text(STATUS_LABEL);
    }

    void setStatus(IssueStatus status) {
        set(STATUS, status.code());
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
            case HANDLING -> List.of(RESULT, RESOLVED, EXTENSION_ASKED, EXTENSION_REASON);
            case ESCALATING -> List.of(APPROVED, COMMENT, SHELVE, SHELF_CATEGORY, SHELF_REASON, SHELF_REVIEW_DATE);
            case EVALUATING -> List.of(SATISFIED, SATISFACTION, EVALUATION_COMMENT);
            case SHELVED -> List.of(SHELF_DECISION, SHELF_NOTE, SHELF_REVIEW_DATE);
            case RATING, CLOSED, TERMINATED, MERGED -> List.of();
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
        // most cases have no co-departments: no variable then (the forms hide the line when it is missing)
        setOrClear(CO_DEPTS_LABEL, label.isEmpty() ? null : label);
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

    /** The meeting is off: no time, place or booking stays on the case (the audit trail keeps them). */
    void clearMeeting() {
        remove(MEETING_AT);
        remove(MEETING_PLACE);
        remove(MEETING_TIME_LABEL);
        remove(MEETING_BOOKING);
        remove(MEETING_VENUE);
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

    // 区域共性问题

    String areaCode() {
        return text(AREA_CODE);
    }

    /**
     * What the rating form shows of similar open cases of other communities (a markdown list, blank when none),
     * and the ones the committee may merge as the options of its checklist (form-js {@code valuesKey}).
     */
    void setSimilarCases(String markdown, List<Map<String, String>> options) {
        // most cases have none: no variables then (the form hides both when missing)
        setOrClear(SIMILAR_CASES, markdown.isEmpty() ? null : markdown);
        setOrClear(SIMILAR_CASE_OPTIONS, options.isEmpty() ? null : new ArrayList<>(options));
    }

    /** The case numbers the committee ticked to merge into this case, as the form sent them (to be checked). */
    Object mergeCasesAsSent() {
        return raw(MERGE_CASES);
    }

    /** The checked case numbers to merge, as a list of the contract's type (forms and REST send other shapes). */
    void setMergeCases(List<String> keys) {
        setOrClear(MERGE_CASES, keys.isEmpty() ? null : new ArrayList<>(keys));
    }

    /**
     * An empty list for the rating form's checklist of similar cases: Tasklist submits a checklist in the type of
     * the variable it finds (a list of texts), else as a list of maps.
     */
    void prepareMergeChecklist() {
        set(MERGE_CASES, new ArrayList<>());
    }

    /** The cases merged into this one so far; empty for a case that merged none. */
    @SuppressWarnings("unchecked")
    List<String> mergedCases() {
        return raw(MERGED_CASES) instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The communities of the case: its own first, then those of the cases merged into it. */
    @SuppressWarnings("unchecked")
    List<String> communityCodes() {
        return raw(COMMUNITY_CODES) instanceof List<?> list ? (List<String>) list : List.of(communityCode());
    }

    /** After merging: the merged cases, the communities of the case and their names for cards and forms. */
    void setMerged(List<String> mergedKeys, List<String> communityCodes, String communitiesLabel) {
        set(MERGED_CASES, new ArrayList<>(mergedKeys));
        set(COMMUNITY_CODES, new ArrayList<>(communityCodes));
        set(COMMUNITIES_LABEL, communitiesLabel);
    }

    /** The case this one was merged into (set by the message that ends it); null for a case not merged. */
    String mergedInto() {
        return text(MERGED_INTO);
    }

    /** The message that ends a merged case carries the main case's number. */
    static Map<String, Object> mergedIntoMessage(String mainKey) {
        return Map.of(MERGED_INTO, mainKey);
    }

    /** The community group one 评价销号 task is for (the multi-instance element). */
    String evaluatorGroup() {
        return text(EVALUATOR_GROUP);
    }

    /**
     * Opens one community's evaluation: its answers are kept on its own task's execution (local), so the next
     * community's form opens blank instead of showing another community's verdict; the name says who evaluates.
     */
    void openEvaluation(String evaluatorName) {
        for (String answer : List.of(SATISFIED, SATISFACTION, EVALUATION_COMMENT)) {
            writable().setVariableLocal(answer, null);
        }
        writable().setVariableLocal(EVALUATOR_NAME, evaluatorName);
    }

    /**
     * One community's verdict, on the case (over the process instance): whether the round is satisfied so far
     * (one unsatisfied community sends it back) and the lowest score given, which closing records.
     */
    void recordVerdict(boolean satisfied, long satisfaction, String comment) {
        Long lowest = number(SATISFACTION);
        set(SATISFIED, satisfied);
        set(SATISFACTION, lowest == null ? satisfaction : Math.min(lowest, satisfaction));
        if (!satisfied || comment != null) {
            // the reason for sending the case back is the unsatisfied community's
            set(EVALUATION_COMMENT, comment);
        }
    }

    // 挂账

    /** Whether the approver put the case on the register instead of deciding on the escalation. */
    boolean shelve() {
        return flag(SHELVE);
    }

    /** Leads the BPMN from the approval to 挂账: always written, so the gateway finds it. */
    void setShelve(boolean shelve) {
        set(SHELVE, shelve);
    }

    String shelfCategory() {
        return text(SHELF_CATEGORY);
    }

    String shelfReason() {
        return text(SHELF_REASON);
    }

    /** The review date as the form sent it, to be checked. */
    Object shelfReviewDateAsSent() {
        return raw(SHELF_REVIEW_DATE);
    }

    /** When the review task comes (the timer), and that time in words for the review form. */
    void setShelfReview(Instant at) {
        set(SHELF_REVIEW_AT, java.util.Date.from(at));
        set(SHELF_REVIEW_LABEL, LocalTimes.minutes(at));
    }

    /** What the case goes on the register with (the approval's answers, checked). */
    void setShelving(IssueShelf.Shelving s) {
        shelving(s).forEach(this::set);
    }

    /**
     * The same as the variables a case being handled is put on the register with (the case page's 挂账): why (in
     * words for the review form and the case's story too) and when the review comes.
     */
    static Map<String, Object> shelving(IssueShelf.Shelving s) {
        Instant at = s.reviewAt().toInstant();
        return Map.of(SHELF_CATEGORY, s.reason().name(), SHELF_REASON, s.text(),
                SHELF_LABEL, s.reason().label() + "：" + s.text(), SHELF_REVIEW_AT, java.util.Date.from(at),
                SHELF_REVIEW_LABEL, LocalTimes.minutes(at));
    }

    Instant shelfReviewAt() {
        return instant(SHELF_REVIEW_AT);
    }

    String shelfLabel() {
        return text(SHELF_LABEL);
    }

    String shelfState() {
        return text(SHELF_STATE);
    }

    void setShelfState(ShelfState state) {
        set(SHELF_STATE, state.name());
    }

    String shelfDecision() {
        return text(SHELF_DECISION);
    }

    String shelfNote() {
        return text(SHELF_NOTE);
    }

    /** The register's row of this case as it goes on it now, from what the approval checked. */
    IssueShelf.Entry shelfEntry(String businessKey, String processInstanceId, Instant now) {
        return new IssueShelf.Entry(businessKey, processInstanceId, text(COMMUNITY_CODE), text(AREA_CODE),
                text(STREET_CODE), level(), text(SHELF_CATEGORY), text(SHELF_REASON), now, shelfReviewAt());
    }

    // 提级

    /** The city center's request, as the variables the raising step starts with. */
    static Map<String, Object> raiseRequest(int level, String reason) {
        return Map.of(RAISE_LEVEL, level, RAISE_REASON, reason);
    }

    int raiseLevel() {
        return number(RAISE_LEVEL).intValue();
    }

    String raiseReason() {
        return text(RAISE_REASON);
    }

    /** The request is the step's, not the case's: gone once the case has moved. */
    void clearRaiseRequest() {
        remove(RAISE_LEVEL);
        remove(RAISE_REASON);
    }

    // the projection row and the mails

    /**
     * The case's row in issue_summary; a case just registered waits for rating. The times the variables do not hold
     * are the caller's: when it was filed, and when it closed (kept only when the status is CLOSED).
     */
    IssueCase issueCase(String businessKey, String processInstanceId, Instant filedAt, Instant closedAt) {
        String status = text(STATUS);
        // the community's 评价销号 score is the case's once it is 已销号 (a round sent back keeps none)
        boolean closedWithEvaluation = IssueStatus.CLOSED.label().equals(text(STATUS_LABEL));
        return new IssueCase(businessKey, processInstanceId, asWritten(TITLE), asWritten(DESCRIPTION),
                text(COMMUNITY_CODE), asWritten(COMMUNITY_NAME), text(AREA_CODE), text(STREET_CODE), text(CATEGORY),
                text(COLOR), level(), status == null ? IssueStatus.RATING.name() : status, asWritten(STATUS_LABEL),
                text(LEAD_DEPT), coDepts(), text(HANDLE_GROUP), instant(MEETING_AT), asWritten(MEETING_PLACE),
                filedAt, dueDate(), ended(status) ? closedAt : null,
                instant(CaseClock.START), instant(CaseClock.DUE), text(CaseClock.LIGHT) != null, count(ESCALATIONS),
                asWritten(LOCATION), degrees(LAT), degrees(LON), text(GRID_CODE), asWritten(GRID_NAME),
                closedWithEvaluation ? score(satisfaction()) : null, null, null,
                closedWithEvaluation && satisfaction() != null ? IssueCase.RatedBy.PROXY : null);
    }

    private static Integer score(Long satisfaction) {
        return satisfaction == null ? null : satisfaction.intValue();
    }

    /** What the mails of the case show and whom they go to. */
    IssueMail mail() {
        return new IssueMail(text(CASE_NO), text(TITLE), text(DESCRIPTION), text(COMMUNITY_CODE),
                text(COMMUNITY_NAME), text(CATEGORY), text(COLOR), text(COLOR_LABEL), level(), text(LEVEL_LABEL),
                text(LEAD_DEPT), text(LEAD_DEPT_NAME), coDepts(), dueDate(), text(MINUTES), text(RESULT),
                answer(SATISFIED), satisfaction(), text(COMMENT), number(ESCALATIONS),
                new IssueMail.Groups(text(HANDLE_GROUP), text(MEETING_GROUP), text(COMMUNITY_GROUP),
                        text(AREA_GROUP), text(STREET_GROUP), communityGroups()));
    }

    /** The groups of {@link #communityCodes}; a case merged with none has its own community's only. */
    private List<String> communityGroups() {
        return has(COMMUNITY_CODES) ? communityCodes().stream().map(UnitType.COMMUNITY::group).toList()
                : Stream.ofNullable(text(COMMUNITY_GROUP)).toList();
    }

    /** A closed or merged case has ended: its row keeps when (for the cleanup and the figures). */
    private static boolean ended(String status) {
        return IssueStatus.CLOSED.name().equals(status) || IssueStatus.MERGED.name().equals(status);
    }

    private Double degrees(String name) {
        return raw(name) instanceof Number n ? n.doubleValue() : null;
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
