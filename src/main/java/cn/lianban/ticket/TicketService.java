package cn.lianban.ticket;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.EngineClock;
import cn.lianban.common.KeySequence;
import cn.lianban.common.TimeLimits;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.common.Deadline;
import cn.lianban.common.UserInputException;
import cn.lianban.responsibility.ResponsibilityList;
import cn.lianban.pairing.Pairings;
import cn.lianban.pairing.AgencyMember;

/**
 * The rules of 双联双促 tickets that the BPMN does not draw: what a raised ticket must contain, where
 * the responsibility list sends it, and how the response and resolution limits become dates.
 */
@Service
public class TicketService {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_LOCATION = 200;

    private final Directory directory;
    private final Pairings pairings;
    private final ResponsibilityList list;
    private final KeySequence keys;
    private final TimeLimits limits;
    private final WorkingCalendar calendar;
    private final RaisingUnit units;

    public TicketService(Directory directory, Pairings pairings, ResponsibilityList list, KeySequence keys,
                         TimeLimits limits, WorkingCalendar calendar, RaisingUnit units) {
        this.directory = directory;
        this.pairings = pairings;
        this.list = list;
        this.keys = keys;
        this.limits = limits;
        this.calendar = calendar;
        this.units = units;
    }

    /**
     * Checks a raised ticket (点单/吹哨) and gives it its TK key. {@code raiserGroups} are the logged-in
     * raiser's groups (null when the system raises it): a community or one of its grids raises for itself,
     * and an empty community or grid is taken from the login ({@link RaisingUnit}).
     */
    public Raised raise(Map<String, Object> v, Collection<String> raiserGroups) {
        String description = text(v, "description");
        if (description == null) {
            throw new UserInputException("description", "请填写问题描述（description）");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw new UserInputException("description", "问题描述不能超过" + MAX_DESCRIPTION + "字");
        }
        RaisingUnit.Unit unit = units.of(text(v, "communityCode"), text(v, "gridCode"), raiserGroups);
        String location = text(v, "location");
        if (location != null && location.length() > MAX_LOCATION) {
            throw new UserInputException("location", "位置不能超过" + MAX_LOCATION + "字");
        }
        String itemCode = text(v, "itemCode");
        if (itemCode != null && list.find(itemCode).filter(ResponsibilityList.ResponsibilityItem::active).isEmpty()) {
            throw new UserInputException("itemCode", "权责清单中没有有效事项 " + itemCode + "，不确定时请留空，由街道派单");
        }
        AgencyMember member = member(v.get("memberId"), unit.communityCode(), unit.gridCode());
        String key = keys.next("TK", EngineClock.now().getYear());
        return new Raised(key, directory.placement(unit.communityCode()), unit.gridCode(), itemCode, member);
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

    /** 派单: the responsibility list names the department; an unlisted item has no department yet. */
    public Dispatch dispatch(String itemCode) {
        if (itemCode == null) {
            return new Dispatch(null, List.of(), limits.unlistedTicketDays(), null);
        }
        ResponsibilityList.ResponsibilityItem item = list.find(itemCode).orElseThrow();
        return new Dispatch(item.leadDept(), item.helperDepts(), item.resolveDays(), item.name());
    }

    /** Accepting is due 24 clock hours after dispatch (接诉即办), not working days. */
    public ZonedDateTime acceptBy() {
        return EngineClock.now().plus(Duration.ofHours(limits.ticketAcceptHours()));
    }

    public Deadline resolveDeadline(int workingDays) {
        ZonedDateTime due = calendar.dueAt(EngineClock.now(), workingDays);
        return new Deadline(due, calendar.reminderAt(due));
    }

    public String checkDepartment(Object deptCode) {
        String code = deptCode == null ? "" : deptCode.toString().trim();
        if (code.isEmpty() || directory.department(code).isEmpty()) {
            throw new UserInputException("deptCode", "承办部门无效: " + code);
        }
        return code;
    }

    /** The street office's decision after a second return is final, so it must say why. */
    public void checkDecision(Object note) {
        if (note == null || note.toString().isBlank()) {
            throw new UserInputException("decisionNote", "请填写裁定意见");
        }
    }

    public void checkAcceptance(Object accepted, Object returnReason) {
        if (!(accepted instanceof Boolean decision)) {
            throw new UserInputException("accepted", "请选择接单或退单");
        }
        if (!decision && (returnReason == null || returnReason.toString().isBlank())) {
            throw new UserInputException("returnReason", "退单必须说明理由");
        }
    }

    public void checkResult(Object result) {
        if (result == null || result.toString().isBlank()) {
            throw new UserInputException("result", "请填写办理结果");
        }
    }

    public void checkConfirmation(Object solved) {
        if (!(solved instanceof Boolean)) {
            throw new UserInputException("solved", "请选择问题是否已解决");
        }
    }

    public int checkSatisfaction(Object satisfaction) {
        if (!(satisfaction instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.intValue() < 1 || n.intValue() > 5) {
            throw new UserInputException("satisfaction", "满意度须为 1 到 5 的整数");
        }
        return n.intValue();
    }

    private static String text(Map<String, Object> v, String key) {
        Object value = v.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /**
     * @param gridCode the grid typed or taken from the raiser's login, or null
     * @param member   the agency party member who raised it, or null
     */
    public record Raised(String businessKey, Placement placement, String gridCode, String itemCode,
                         AgencyMember member) {
    }

    /** @param deptCode null when the item is not on the list and the street desk must dispatch by hand */
    public record Dispatch(String deptCode, List<String> helperDepts, int resolveDays, String itemName) {
    }
}
