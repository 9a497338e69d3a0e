package cn.lianban.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.Deadline;
import cn.lianban.common.KeySequence;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.Position;
import cn.lianban.common.TimeLimits;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Grid;
import cn.lianban.directory.IssueCategories;
import cn.lianban.notify.ReporterPhone;
import cn.lianban.pairing.AgencyMember;
import cn.lianban.pairing.Pairings;
import cn.lianban.responsibility.ResponsibilityList;

/**
 * The rules of 双联双促 tickets that the BPMN does not draw: what a raised ticket must contain, where
 * the responsibility list sends it, how the response and resolution limits become dates, and what the street desk
 * reads when a ticket comes back to it. Open311 checks its requests against the same limits of length.
 */
@Service
public class TicketService {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_LOCATION = 200;
    /** What cards and forms show as the item of a ticket that is not on the list. */
    static final String UNLISTED = "清单外事项";

    private final Directory directory;
    private final Pairings pairings;
    private final ResponsibilityList list;
    private final KeySequence keys;
    private final TimeLimits limits;
    private final WorkingCalendar calendar;
    private final RaisingUnit units;
    private final Clock clock;

    TicketService(Directory directory, Pairings pairings, ResponsibilityList list, KeySequence keys,
                  TimeLimits limits, WorkingCalendar calendar, RaisingUnit units, Clock clock) {
        this.directory = directory;
        this.pairings = pairings;
        this.list = list;
        this.keys = keys;
        this.limits = limits;
        this.calendar = calendar;
        this.units = units;
        this.clock = clock;
    }

    /** The start form as filled in: text stripped, blank as null; {@code memberId} as sent. */
    record Raising(String description, String communityCode, String gridCode, String location, String itemCode,
                   Object memberId, Object lat, Object lon, String reporterPhone) {
    }

    /**
     * Checks a raised ticket (点单/吹哨) and gives it its TK key. {@code raiserGroups} are the logged-in
     * raiser's groups (null when the system raises it): a community or one of its grids raises for itself,
     * and an empty community or grid is taken from the login ({@link RaisingUnit}).
     */
    Raised raise(Raising r, Collection<String> raiserGroups) {
        String description = r.description();
        if (description == null) {
            throw new UserInputException("description", "请填写问题描述（description）");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new UserInputException("description", "问题描述不能超过" + MAX_DESCRIPTION + "字");
        }
        RaisingUnit.Unit unit = units.of(r.communityCode(), r.gridCode(), raiserGroups);
        String location = r.location();
        if (location != null && location.length() > MAX_LOCATION) {
            throw new UserInputException("location", "位置不能超过" + MAX_LOCATION + "字");
        }
        Position position = Position.of(r.lat(), r.lon(), "lat", "lon");
        String itemCode = r.itemCode();
        if (itemCode != null && list.find(itemCode).filter(ResponsibilityList.ResponsibilityItem::active).isEmpty()) {
            throw new UserInputException("itemCode", "权责清单中没有有效事项 " + itemCode + "，不确定时请留空，由街道派单");
        }
        AgencyMember member = member(r.memberId(), unit.communityCode(), unit.gridCode());
        String phone = ReporterPhone.checked(r.reporterPhone());
        String key = keys.next("TK", ZonedDateTime.now(clock).getYear());
        String gridName = unit.gridCode() == null ? null : directory.grid(unit.gridCode()).map(Grid::name).orElse(null);
        return new Raised(key, directory.placement(unit.communityCode()), unit.gridCode(), gridName, itemCode, member,
                position, phone);
    }

    /** An agency party member doing 双报到 service may blow the whistle in the grid they are placed in. */
    private AgencyMember member(Object memberId, String communityCode, String gridCode) {
        if (memberId == null || memberId.toString().isBlank()) {
            return null;
        }
        if (!(memberId instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new UserInputException("memberId", "机关党员编号（memberId）须为整数");
        }
        AgencyMember member = pairings.member(n.longValue())
                .orElseThrow(() -> new UserInputException("memberId", "没有编号为 " + n.longValue() + " 的下沉机关党员"));
        boolean placedHere = gridCode != null ? member.gridCode().equals(gridCode)
                : directory.grid(member.gridCode()).map(g -> g.communityCode().equals(communityCode)).orElse(false);
        if (!placedHere) {
            throw new UserInputException("memberId", "机关党员 " + member.name() + " 未下沉到该"
                    + (gridCode != null ? "网格 " + gridCode : "社区 " + communityCode));
        }
        return member;
    }

    /**
     * 派单: the responsibility list names the department; an unlisted item has no department yet and goes to the
     * street desk.
     */
    Dispatch dispatch(String itemCode, String description) {
        if (itemCode == null) {
            return new Dispatch(null, null, List.of(), limits.unlistedTicketDays(), UNLISTED, title(null, description),
                    "问题不在权责清单内，需由街道确定承办部门。");
        }
        ResponsibilityList.ResponsibilityItem item = list.find(itemCode).orElseThrow();
        return new Dispatch(item.leadDept(), deptName(item.leadDept()), item.helperDepts(), item.resolveDays(),
                item.name(), title(item.name(), description), null);
    }

    /** A ticket's title for cards and mails: the list item, or the start of the description when off the list. */
    private static String title(String listedItemName, String description) {
        if (listedItemName != null) {
            return listedItemName;
        }
        return description == null || description.length() <= 30 ? description : description.substring(0, 30) + "…";
    }

    /** A department by name for people, by its code when the directory does not know it. */
    String deptName(String deptCode) {
        return directory.department(deptCode).map(Department::name).orElse(deptCode);
    }

    Instant now() {
        return clock.instant();
    }

    /** Accepting is due 24 clock hours after dispatch (接诉即办), not working days. */
    Instant acceptBy() {
        return now().plus(Duration.ofHours(limits.ticketAcceptHours()));
    }

    Deadline resolveDeadline(int workingDays) {
        ZonedDateTime due = calendar.dueAt(ZonedDateTime.now(clock), workingDays);
        return new Deadline(due, calendar.reminderAt(due));
    }

    /** Working days past the resolution limit after which the street desk takes the ticket up (大事不出镇). */
    static final int LONG_OVERDUE_DAYS = 5;

    /**
     * When a ticket still unsolved is overdue by more than {@link #LONG_OVERDUE_DAYS} working days: the end of the
     * fifth working day after {@code resolveBy}. Public for the BPMN's timer ({@code resolveLongOverdue}).
     */
    public Date longOverdueAt(Date resolveBy) {
        return Date.from(calendar.dueAt(resolveBy.toInstant().atZone(WorkingCalendar.ZONE), LONG_OVERDUE_DAYS)
                .toInstant());
    }

    /** What the street desk reads when the community says a second time that it is not solved. */
    String notSolvedAgain(long reopens, String deptCode) {
        return "社区第" + (reopens + 1) + "次确认未解决（承办部门：" + deptName(deptCode) + "），请街道研判处置。";
    }

    /** What the street desk reads when the department is more than five working days past its limit. */
    String longOverdue(String deptCode, Instant resolveBy) {
        return deptName(deptCode) + "超过办理时限（" + LocalTimes.minutes(resolveBy) + "）已逾" + LONG_OVERDUE_DAYS
                + "个工作日仍未办结，请街道研判处置。";
    }

    /**
     * The street desk's decision on {@code streetDecide}: one of the four, with its reason; another department
     * for a re-dispatch, an issue category for raising it into a joint-handling case.
     */
    StreetDecision checkStreetDecision(String decision, String redispatchDept, String currentDept, String note,
                                       String jointCategory) {
        StreetDecision chosen = StreetDecision.of(decision);
        if (chosen == null) {
            throw new UserInputException("streetDecision", "请选择处置方式：改派其他部门、责令原部门重办、裁定办结或提级联席汇办");
        }
        if (note == null) {
            throw new UserInputException("decisionNote", "请填写研判意见");
        }
        if (chosen == StreetDecision.REDISPATCH && checkDepartment(redispatchDept, "redispatchDept").equals(currentDept)) {
            throw new UserInputException("redispatchDept", "改派须选择原承办部门以外的部门；责令原部门重办请选择“责令原部门重办”");
        }
        if (chosen == StreetDecision.RAISE && !IssueCategories.isValid(jointCategory)) {
            throw new UserInputException("jointCategory", "提级联席汇办须选择问题类别");
        }
        return chosen;
    }

    /** A helper department's 配合 task needs what it did. */
    void checkHelp(String helpResult) {
        if (helpResult == null) {
            throw new UserInputException("helpResult", "请填写配合情况");
        }
    }

    /** What the street desk reads when the department let the 24 hours pass. */
    String acceptTimedOut(String deptCode, Instant acceptBy) {
        return deptName(deptCode) + "未在 24 小时内接单（时限 " + LocalTimes.minutes(acceptBy) + "），请核实后改派。";
    }

    /**
     * 退单: the {@code returns}-th return, by the department that has the ticket, for {@code reason}, added to the
     * history of returns so far ({@code history}, null before the first).
     */
    Return returned(long returns, String deptCode, String reason, String history) {
        String dept = deptName(deptCode);
        // one line each, so the street reads every department's reason and not only the last one
        String line = "- 第" + returns + "次 · " + dept + " · " + LocalTimes.minutes(now()) + "："
                + reason.replaceAll("\\s+", " ").trim();
        return new Return(returns, history == null ? line : history + "\n" + line, returns >= 2
                ? "已被退单" + returns + "次，须由街道裁定承办部门，裁定后不得再退单。"
                : dept + "退单，请核实后改派。");
    }

    /** The street desk's choice of department, on completing redispatch or decide. */
    String checkDepartment(String deptCode) {
        return checkDepartment(deptCode, "deptCode");
    }

    private String checkDepartment(String deptCode, String field) {
        String code = deptCode == null ? "" : deptCode;
        if (code.isEmpty() || directory.department(code).isEmpty()) {
            throw new UserInputException(field, "承办部门无效: " + code);
        }
        return code;
    }

    /** The street office's decision after a second return is final, so it must say why. */
    void checkDecision(String note) {
        if (note == null) {
            throw new UserInputException("decisionNote", "请填写裁定意见");
        }
    }

    void checkAcceptance(Boolean accepted, String returnReason) {
        if (accepted == null) {
            throw new UserInputException("accepted", "请选择接单或退单");
        }
        if (!accepted && returnReason == null) {
            throw new UserInputException("returnReason", "退单必须说明理由");
        }
    }

    void checkResult(String result) {
        if (result == null) {
            throw new UserInputException("result", "请填写办理结果");
        }
    }

    void checkConfirmation(Boolean solved) {
        if (solved == null) {
            throw new UserInputException("solved", "请选择问题是否已解决");
        }
    }

    int checkSatisfaction(Object satisfaction) {
        if (!(satisfaction instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.intValue() < 1 || n.intValue() > 5) {
            throw new UserInputException("satisfaction", "满意度须为 1 到 5 的整数");
        }
        return n.intValue();
    }

    /**
     * @param gridCode the grid typed or taken from the raiser's login, or null
     * @param member   the agency party member who raised it, or null
     * @param position where the problem is, or null
     * @param reporterPhone the resident's mobile, normalised to 11 digits, or null
     */
    record Raised(String businessKey, Placement placement, String gridCode, String gridName, String itemCode,
                  AgencyMember member, Position position, String reporterPhone) {
    }

    /**
     * @param deptCode     null when the item is not on the list and the street desk must dispatch by hand
     * @param itemName     {@link #UNLISTED} then
     * @param streetReason why the street desk has it, null when listed
     */
    record Dispatch(String deptCode, String deptName, List<String> helperDepts, int resolveDays, String itemName,
                    String title, String streetReason) {
    }

    /** @param history one markdown line per return so far */
    record Return(long returns, String history, String streetReason) {
    }
}
