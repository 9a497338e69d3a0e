package cn.lianban.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.CaseClock;
import cn.lianban.common.Deadline;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.Position;
import cn.lianban.common.ProcessVariables;
import cn.lianban.common.TasklistFilters;
import cn.lianban.common.TimeLight;
import cn.lianban.directory.UnitType;
import cn.lianban.pairing.AgencyMember;

/**
 * The variables of a ticket (ticket.bpmn), each named once here: what the raiser fills in, what the process
 * writes for cards, forms and timers, and what each task's form answers. Names are the contract's.
 */
final class TicketVariables extends ProcessVariables {

    // the start form (点单/吹哨)
    private static final String ITEM_CODE = "itemCode";
    private static final String DESCRIPTION = "description";
    private static final String COMMUNITY_CODE = "communityCode";
    private static final String GRID_CODE = "gridCode";
    private static final String MEMBER_ID = "memberId";
    private static final String LOCATION = "location";
    /** Where the problem is, WGS-84 degrees (optional, both or neither; {@link Position}). */
    private static final String LAT = "lat";
    private static final String LON = "lon";
    /** A resident's mobile (optional): every status change is sent there by SMS, and the rating link. */
    private static final String REPORTER_PHONE = "reporterPhone";
    /** The raiser's login, set by the start event ({@code camunda:initiator}); null when the system raises it. */
    private static final String RAISER = "raiser";
    // registration
    private static final String CASE_NO = "caseNo";
    private static final String COMMUNITY_NAME = "communityName";
    private static final String GRID_NAME = "gridName";
    private static final String STREET_CODE = "streetCode";
    private static final String COMMUNITY_GROUP = "communityGroup";
    private static final String STREET_GROUP = "streetGroup";
    private static final String MEMBER_NAME = "memberName";
    private static final String RETURNS = "returns";
    private static final String REOPENS = "reopens";
    private static final String STATUS = "status";
    private static final String STATUS_LABEL = "statusLabel";
    // dispatch by the responsibility list
    private static final String ITEM_NAME = "itemName";
    private static final String TITLE = "title";
    private static final String DEPT_CODE = "deptCode";
    private static final String DEPT_NAME = "deptName";
    private static final String HELPER_DEPTS = "helperDepts";
    private static final String RESOLVE_DAYS = "resolveDays";
    /** Why the ticket is at the street desk now, in a sentence for the redispatch and decide forms. */
    private static final String STREET_REASON = "streetReason";
    /** One markdown line per return so far: who returned it and why. */
    private static final String RETURN_HISTORY = "returnHistory";
    private static final String DECISION_NOTE = "decisionNote";
    // accepting and resolving
    private static final String ACCEPT_BY = "acceptBy";
    private static final String ACCEPTED = "accepted";
    private static final String RETURN_REASON = "returnReason";
    private static final String ACCEPTED_AT = "acceptedAt";
    private static final String ACCEPTED_AT_LABEL = "acceptedAtLabel";
    private static final String ACCEPTED_BY = "acceptedBy";
    private static final String RESOLVE_BY = "resolveBy";
    private static final String REMIND_AT = "remindAt";
    private static final String OVERDUE = "overdue";
    private static final String RESULT = "result";
    private static final String RESOLVED_AT = "resolvedAt";
    private static final String RESOLVED_AT_LABEL = "resolvedAtLabel";
    // confirming and rating
    private static final String SOLVED = "solved";
    private static final String CONFIRMED_BY = "confirmedBy";
    private static final String SATISFACTION = "satisfaction";
    /** Who gave {@link #SATISFACTION}: {@link TicketCase.RatedBy} by name. */
    private static final String SATISFACTION_BY = "satisfactionBy";
    /** What the resident wrote with their rating (optional). */
    private static final String RESIDENT_COMMENT = "residentComment";
    // the street desk's decision on a ticket not solved twice or long overdue (streetDecide), 大事不出镇
    private static final String STREET_DECISION = "streetDecision";
    private static final String REDISPATCH_DEPT = "redispatchDept";
    private static final String JOINT_CATEGORY = "jointCategory";
    /** The joint-handling case the street raised the ticket into (JH key), once raised. */
    private static final String JOINT_CASE_KEY = "jointCaseKey";
    // helper departments of a coordination item (配合): one task each, parallel to the lead's resolve
    private static final String HELPER_DEPT = "helperDept";
    /** The helpers asked now: of {@link #HELPER_DEPTS}, those without an open task and other than the lead. */
    private static final String HELPERS_TO_ASK = "helpersToAsk";
    private static final String HELPER_DEPT_NAME = "helperDeptName";
    private static final String HELP_RESULT = "helpResult";
    /** One markdown line per helper department that reported its part. */
    private static final String HELP_RECORD = "helpRecord";

    /** The start form's fields ({@link TicketStartForm}), the variables a raiser fills in. */
    record StartFields(String itemCode, String description, String communityCode, String gridCode,
                       String memberId, String location, String lat, String lon, String reporterPhone) {
    }

    static final StartFields START_FIELDS = new StartFields(ITEM_CODE, DESCRIPTION, COMMUNITY_CODE, GRID_CODE,
            MEMBER_ID, LOCATION, LAT, LON, REPORTER_PHONE);

    /** What Tasklist cards show of a ticket ({@link TicketFilters}): names and labels, never codes. */
    static final Map<String, String> CARD_COLUMNS = TasklistFilters.columns(CASE_NO, "编号", ITEM_NAME, "事项",
            DESCRIPTION, "问题描述", COMMUNITY_NAME, "社区", DEPT_NAME, "承办部门", STATUS_LABEL, "状态",
            CaseClock.DUE_LABEL, "办理期限", CaseClock.LIGHT_LABEL, "时效");

    /** What table ticket_case keeps of a ticket ({@link #ticketCase}), to read from history for the backfill. */
    private static final List<String> CASE_ROW = List.of(RAISER, ITEM_CODE, ITEM_NAME, TITLE, DESCRIPTION, LOCATION,
            COMMUNITY_CODE, COMMUNITY_NAME, GRID_CODE, GRID_NAME, STREET_CODE, MEMBER_ID, MEMBER_NAME, DEPT_CODE,
            DEPT_NAME, STATUS, RETURNS, REOPENS, RESOLVE_DAYS, ACCEPT_BY, ACCEPTED_AT, RESOLVE_BY, RESOLVED_AT,
            CaseClock.START, CaseClock.DUE, CaseClock.LIGHT, OVERDUE, RESULT, SOLVED, SATISFACTION, JOINT_CASE_KEY, LAT, LON,
            REPORTER_PHONE, SATISFACTION_BY);

    /** The start variables of a ticket raised from the project's own pages ({@link TicketStarts}): only what is given. */
    static Map<String, Object> startVariables(TicketStarts.Start start) {
        Map<String, Object> v = new HashMap<>();
        putGiven(v, ITEM_CODE, start.itemCode());
        putGiven(v, DESCRIPTION, start.description());
        putGiven(v, LOCATION, start.location());
        putGiven(v, LAT, start.lat());
        putGiven(v, LON, start.lon());
        putGiven(v, REPORTER_PHONE, start.reporterPhone());
        return v;
    }

    TicketVariables(VariableScope scope) {
        super(scope);
    }

    /** Over a ticket's variables as read from history. */
    TicketVariables(Map<String, Object> values) {
        super(values);
    }

    /** The names to read from history for {@link #ticketCase}. */
    static String[] caseRowNames() {
        return CASE_ROW.toArray(String[]::new);
    }

    /** The name of the variable whose every change is a step of the ticket. */
    static String statusName() {
        return STATUS;
    }

    /**
     * The ticket's row in ticket_case as its variables have it; the times the variables do not hold are the
     * caller's: when it was raised, last entered a status, closed (null: unchanged, or not closed).
     */
    TicketCase ticketCase(String businessKey, String processInstanceId, Instant raisedAt, Instant statusAt,
                          Instant closedAt) {
        Long resolveDays = number(RESOLVE_DAYS);
        Long satisfaction = number(SATISFACTION);
        return new TicketCase(businessKey, processInstanceId, text(ITEM_CODE), text(ITEM_NAME), text(TITLE),
                text(DESCRIPTION), text(LOCATION), text(COMMUNITY_CODE), text(COMMUNITY_NAME), text(GRID_CODE),
                text(GRID_NAME), text(STREET_CODE), text(RAISER), raisedVia(), number(MEMBER_ID), text(MEMBER_NAME),
                text(DEPT_CODE), text(DEPT_NAME), text(STATUS), statusAt, (int) returns(), (int) reopens(),
                resolveDays == null ? null : resolveDays.intValue(), raisedAt, acceptBy(), instant(ACCEPTED_AT),
                resolveBy(), instant(RESOLVED_AT), closedAt, instant(CaseClock.START), instant(CaseClock.DUE),
                text(CaseClock.LIGHT) != null, flag(OVERDUE), text(RESULT), solved(),
                satisfaction == null ? null : satisfaction.intValue(), text(JOINT_CASE_KEY), degrees(LAT), degrees(LON),
                phoneLast4(), ratedBy());
    }

    private Double degrees(String name) {
        return raw(name) instanceof Number n ? n.doubleValue() : null;
    }

    /** The last four digits of the reporter's mobile, all the row keeps of it (the status page asks for them). */
    private String phoneLast4() {
        String phone = reporterPhone();
        return phone == null || phone.length() < 4 ? null : phone.substring(phone.length() - 4);
    }

    private TicketCase.Via raisedVia() {
        if (number(MEMBER_ID) != null) {
            return TicketCase.Via.MEMBER;
        }
        if (text(RAISER) == null) {
            return TicketCase.Via.OPEN311;
        }
        return text(GRID_CODE) != null ? TicketCase.Via.GRID : TicketCase.Via.COMMUNITY;
    }

    /** The start form as the raiser filled it in; {@code memberId} as sent, the service checks it is whole. */
    TicketService.Raising raising() {
        return new TicketService.Raising(text(DESCRIPTION), text(COMMUNITY_CODE), text(GRID_CODE), text(LOCATION),
                text(ITEM_CODE), raw(MEMBER_ID), raw(LAT), raw(LON), text(REPORTER_PHONE));
    }

    /** The ticket as registered: its key, the unit as checked (filled from the login when left empty), the member. */
    void setRaised(TicketService.Raised raised) {
        set(CASE_NO, raised.businessKey());
        set(ITEM_CODE, raised.itemCode());
        String community = raised.placement().community().code();
        String street = raised.placement().street().code();
        set(COMMUNITY_CODE, community);
        set(GRID_CODE, raised.gridCode());
        set(COMMUNITY_NAME, raised.placement().community().name());
        set(GRID_NAME, raised.gridName());
        set(STREET_CODE, street);
        set(COMMUNITY_GROUP, UnitType.COMMUNITY.group(community));
        set(STREET_GROUP, UnitType.STREET.group(street));
        set(RETURNS, 0L);
        set(REOPENS, 0L);
        set(ACCEPTED_BY, null);
        AgencyMember member = raised.member();
        setOrClear(MEMBER_ID, member == null ? null : member.id());
        setOrClear(MEMBER_NAME, member == null ? null : member.name());
        // the contract's Doubles, though REST may have sent whole numbers
        if (raised.position() != null) {
            set(LAT, raised.position().lat());
            set(LON, raised.position().lon());
        }
        setOrClear(REPORTER_PHONE, raised.reporterPhone());
    }

    void setStatus(TicketStatus status) {
        set(STATUS, status.name());
        set(STATUS_LABEL, status.label());
    }

    /** The list's answer: department (none when unlisted), helpers, limit, the item's name and the card title. */
    void setDispatch(TicketService.Dispatch d) {
        setDepartment(d.deptCode(), d.deptName());
        // a mutable list: the engine stores it as JSON with its Java type and reads it back. Only a coordination
        // item has helpers, and an object variable also costs byte-array rows: no list is made for the others, but
        // one that exists stays a list (a version of the process deployed on 2026-12-01 forked over it)
        if (!d.helperDepts().isEmpty() || has(HELPER_DEPTS)) {
            set(HELPER_DEPTS, new ArrayList<>(d.helperDepts()));
        }
        set(RESOLVE_DAYS, (long) d.resolveDays());
        set(ITEM_NAME, d.itemName());
        set(TITLE, d.title());
        if (d.streetReason() != null) {
            set(STREET_REASON, d.streetReason());
        }
    }

    /** The department that has the ticket now, by code for the process and by name for people. */
    void setDepartment(String code, String name) {
        set(DEPT_CODE, code);
        if (name != null) {
            set(DEPT_NAME, name);
        }
    }

    /** The street desk's choice, as checked on completing its task; {@code deptName} follows at the next step. */
    void setDeptCode(String code) {
        set(DEPT_CODE, code);
    }

    void setStreetReason(String sentence) {
        set(STREET_REASON, sentence);
    }

    /** A department returned the ticket: the count, every department's reason so far, and what the street does now. */
    void setReturned(TicketService.Return r) {
        set(RETURNS, r.returns());
        set(RETURN_HISTORY, r.history());
        set(STREET_REASON, r.streetReason());
    }

    /** The ticket reaches a department, which has until {@code acceptBy} to accept or return it. */
    void setAcceptBy(Instant acceptBy) {
        set(ACCEPT_BY, acceptBy);
        // the previous department's reason is in the audit trail; the next department starts with a clean form
        remove(RETURN_REASON);
    }

    /** Accepted by the department, or imposed on it by the street: the resolution clock starts. */
    void setAcceptedAt(Instant at) {
        set(ACCEPTED_AT, at);
        set(ACCEPTED_AT_LABEL, LocalTimes.minutes(at));
    }

    /** Whoever accepted handles it: the resolve task is assigned to them. */
    void setAcceptedBy(String userId) {
        set(ACCEPTED_BY, userId);
    }

    /** The resolution limit and the reminder one working day before it. */
    void setResolveDeadline(Deadline deadline) {
        set(RESOLVE_BY, deadline.dueDate());
        set(REMIND_AT, deadline.reminderDate());
    }

    void setResolvedAt(Instant at) {
        set(RESOLVED_AT, at);
        set(RESOLVED_AT_LABEL, LocalTimes.minutes(at));
    }

    /** The community says it is not solved: counted, and the department's last result no longer stands. */
    void setReopened(long reopens) {
        set(REOPENS, reopens);
        setRedone();
    }

    /** The street desk orders the department to handle it again: its last result no longer stands. */
    void setRedone() {
        set(RESOLVED_AT, null);
        set(RESOLVED_AT_LABEL, null);
    }

    /** Past the resolution limit: marked, and the 时效灯 is red from this moment on. */
    void markOverdue() {
        set(OVERDUE, true);
        CaseClock.light(writable(), TimeLight.RED);
    }

    void setConfirmedBy(String userId) {
        set(CONFIRMED_BY, userId);
    }

    /** The rate task's score, given by the secretary for the resident (代评). */
    void setSatisfaction(int satisfaction) {
        set(SATISFACTION, (long) satisfaction);
        set(SATISFACTION_BY, TicketCase.RatedBy.PROXY.name());
    }

    /** The resident's own rating through the link, as the message that ends the rate task carries it. */
    static Map<String, Object> residentRating(int satisfaction, String comment) {
        Map<String, Object> values = new HashMap<>();
        values.put(SATISFACTION, (long) satisfaction);
        values.put(SATISFACTION_BY, TicketCase.RatedBy.RESIDENT.name());
        values.put(RESIDENT_COMMENT, comment);
        return values;
    }

    /** Who gave the score; null before it is rated. */
    TicketCase.RatedBy ratedBy() {
        String by = text(SATISFACTION_BY);
        return by == null ? null : TicketCase.RatedBy.valueOf(by);
    }

    String residentComment() {
        return text(RESIDENT_COMMENT);
    }

    /** The resident's mobile as checked at the start, or null when the ticket was raised without one. */
    String reporterPhone() {
        return text(REPORTER_PHONE);
    }

    /** The running clock on cards runs from now to {@code due}. */
    void startClock(Instant due) {
        CaseClock.start(writable(), due);
    }

    /** No clock runs while the ticket waits on someone without a limit, or is closed. */
    void stopClock() {
        CaseClock.stop(writable());
    }

    /** No clock and no 办理期限 on cards: a past department's limit no longer applies. */
    void stopClockAndDeadline() {
        stopClock();
        remove(CaseClock.DUE_LABEL);
    }

    String caseNo() {
        return text(CASE_NO);
    }

    String status() {
        return text(STATUS);
    }

    String itemCode() {
        return text(ITEM_CODE);
    }

    String location() {
        return text(LOCATION);
    }

    /** The position checked at registration, or null. */
    Position position() {
        Double lat = degrees(LAT);
        Double lon = degrees(LON);
        return lat == null || lon == null ? null : new Position(lat, lon);
    }

    String description() {
        return text(DESCRIPTION);
    }

    String itemName() {
        return text(ITEM_NAME);
    }

    String title() {
        return text(TITLE);
    }

    String communityCode() {
        return text(COMMUNITY_CODE);
    }

    /** The grid the ticket was raised in, or null. */
    String gridCode() {
        return text(GRID_CODE);
    }

    String communityName() {
        return text(COMMUNITY_NAME);
    }

    String streetCode() {
        return text(STREET_CODE);
    }

    String streetGroup() {
        return text(STREET_GROUP);
    }

    String deptCode() {
        return text(DEPT_CODE);
    }

    String deptName() {
        return text(DEPT_NAME);
    }

    int resolveDays() {
        return (int) count(RESOLVE_DAYS);
    }

    long returns() {
        return count(RETURNS);
    }

    long reopens() {
        return count(REOPENS);
    }

    String returnHistory() {
        return text(RETURN_HISTORY);
    }

    Instant acceptBy() {
        return instant(ACCEPT_BY);
    }

    Instant resolveBy() {
        return instant(RESOLVE_BY);
    }

    /** The accept form's answer: null when neither accepted nor returned. */
    Boolean accepted() {
        return answer(ACCEPTED);
    }

    String returnReason() {
        return text(RETURN_REASON);
    }

    String decisionNote() {
        return text(DECISION_NOTE);
    }

    String result() {
        return text(RESULT);
    }

    /** The confirm form's answer: null when not chosen. */
    Boolean solved() {
        return answer(SOLVED);
    }

    /** The rate form's score as sent (a form may send a fraction); {@link TicketService} checks it. */
    Object satisfactionAsSent() {
        return raw(SATISFACTION);
    }

    /** The score once checked: 1 to 5. */
    int satisfaction() {
        return (int) count(SATISFACTION);
    }

    /** The street desk's choice on {@code streetDecide}, as sent; {@link TicketService} checks it. */
    String streetDecision() {
        return text(STREET_DECISION);
    }

    /** The department the street re-dispatches to (streetDecide), as sent. */
    String redispatchDept() {
        return text(REDISPATCH_DEPT);
    }

    String jointCategory() {
        return text(JOINT_CATEGORY);
    }

    String jointCaseKey() {
        return text(JOINT_CASE_KEY);
    }

    void setJointCaseKey(String businessKey) {
        set(JOINT_CASE_KEY, businessKey);
    }

    List<String> helperDepts() {
        Object value = raw(HELPER_DEPTS);
        return value instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
    }

    void setHelpersToAsk(List<String> depts) {
        // written even when empty: versions of the process deployed before the inclusive gateway fork in parallel
        // and read the list, and their running tickets still pass there
        set(HELPERS_TO_ASK, new ArrayList<>(depts));
    }

    /** The helper department of this 配合 task (the multi-instance element, local to the task's execution). */
    String helperDept() {
        return text(HELPER_DEPT);
    }

    /** Its name for the form, local to the same execution as {@link #helperDept}. */
    void setHelperDeptName(String name) {
        writable().setVariableLocal(HELPER_DEPT_NAME, name);
    }

    String helpResult() {
        return text(HELP_RESULT);
    }

    String helpRecord() {
        return text(HELP_RECORD);
    }

    /**
     * A helper's part, added to the ticket's record for the lead's resolve form and the community's confirm form;
     * the answer itself is taken off the ticket, so the next helper's form starts empty.
     */
    void addHelp(String line) {
        String record = helpRecord();
        set(HELP_RECORD, record == null ? line : record + "\n" + line);
        remove(HELP_RESULT);
    }

    private long count(String name) {
        Long value = number(name);
        return value == null ? 0 : value;
    }
}
