package cn.lianban.resource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;
import cn.lianban.common.KeySequence;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.UnitType;

/**
 * The rules of a community order (社区点单—系统派单—部门接单) for a need that is not on the resource list,
 * process {@code community-order}: what an order contains, which department the category sends it to,
 * and the order row's statuses ORDERED → DISPATCHED → ACCEPTED → COMPLETED → CONFIRMED, with DECLINED and
 * TIMED_OUT (not accepted within 24 hours) waiting for the city center to reassign. The community chooses the
 * department among those whose items of the category are on this month's published list (issue 15).
 */
@Service
class CommunityOrders {

    static final String TABLE = "community_order";

    private final JdbcTemplate jdbc;
    private final ResourceList list;
    private final ResourceRules rules;
    private final KeySequence keys;
    private final Directory directory;

    public CommunityOrders(JdbcTemplate jdbc, ResourceList list, ResourceRules rules, KeySequence keys,
                           Directory directory) {
        this.jdbc = jdbc;
        this.list = list;
        this.rules = rules;
        this.keys = keys;
        this.directory = directory;
    }

    /** 点单: checks the order, gives it its RO key and stores it as ORDERED. A funds order names its amount. */
    public Order order(OrderForm form, Collection<String> starterGroups, String processInstanceId) {
        String category = ResourceRules.text(form.category());
        Map<String, String> categories = list.categories();
        if (category == null || !categories.containsKey(category)) {
            throw new UserInputException("category", "请选择资源类别（category）：" + String.join("、", categories.keySet()));
        }
        Placement place = rules.community(form.communityCode(), starterGroups);
        String need = ResourceRules.requiredText(form.need(), "need", "需求说明");
        Long amount = ResourceRules.whole(form.amount(), 0, "amount", "所需金额（元）");
        if (ResourceList.FUNDS.equals(category) && (amount == null || amount == 0)) {
            throw new UserInputException("amount", "资金倾斜类点单请填写所需金额（元）");
        }
        String chosen = checkChoice(category, categories.get(category), ResourceRules.text(form.chosenDept()));
        String key = keys.next("RO", EngineClock.now().getYear());
        jdbc.update("INSERT INTO community_order(business_key, process_instance_id, community_code, category, need, "
                        + "amount, status, created_at, chosen_dept) VALUES (?,?,?,?,?,?,'ORDERED',?,?)",
                key, processInstanceId, place.community().code(), category, need,
                amount == null ? null : BigDecimal.valueOf(amount), CaseRows.now(), chosen);
        return new Order(key, place, category, categories.get(category), need, amount, chosen);
    }

    /**
     * The departments a community may choose for a category this month: those with items of it on the month's
     * published list, else the category's own department.
     */
    public Offering offering(String category) {
        List<String> offering = list.offeringDepartments(YearMonth.from(EngineClock.now()), category);
        return offering.isEmpty() ? new Offering(list.orderDepartment(category).stream().toList(), true)
                : new Offering(offering, false);
    }

    /** A chosen department must offer the category; none chosen (an API client, a meeting's funds) is allowed. */
    private String checkChoice(String category, String categoryName, String chosen) {
        if (chosen == null) {
            return null;
        }
        List<String> offering = offering(category).departments();
        if (!offering.contains(chosen)) {
            throw new UserInputException("chosenDept", "本月没有该部门提供的“" + categoryName + "”资源，请从以下部门中选择："
                    + String.join("、", offering.stream().map(d -> directory.unitName(UnitType.DEPT.group(d))).toList()));
        }
        return chosen;
    }

    /** 系统派单: the department the community chose, else the one the order's category goes to. */
    public String dispatch(String category, String chosen) {
        if (chosen != null) {
            return chosen;
        }
        return list.orderDepartment(category).orElseThrow(
                () -> new IllegalStateException("resource_category has no department for " + category));
    }

    /** The order is with {@code deptCode} now, first by dispatch or after a reassignment. */
    public void assign(String businessKey, String deptCode) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("ORDERED", "DECLINED", "TIMED_OUT"), "DISPATCHED",
                "dept_code = ?", deptCode);
    }

    /** Not accepted within 24 hours: back to the city center, the reason saying so. */
    public void timeOut(String businessKey, String reason) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("DISPATCHED"), "TIMED_OUT", "reason = ?", reason);
    }

    public void accept(String businessKey) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("DISPATCHED"), "ACCEPTED", "accepted_at = ?", CaseRows.now());
    }

    public void decline(String businessKey, String reason) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("DISPATCHED"), "DECLINED", "reason = ?", reason);
    }

    public void complete(String businessKey, String result, long amountSpent) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("ACCEPTED"), "COMPLETED",
                "result = ?, amount_spent = ?, completed_at = ?", result, BigDecimal.valueOf(amountSpent),
                CaseRows.now());
    }

    public void confirm(String businessKey, String note) {
        CaseRows.confirm(jdbc, TABLE, businessKey, "COMPLETED", note);
    }

    /** Not confirmed: back to the department; the completion no longer counts. */
    public void reopen(String businessKey, String note) {
        CaseRows.sendBack(jdbc, TABLE, businessKey, "COMPLETED", "ACCEPTED", "completed_at", note);
    }

    /** @return the reason, required when the department does not accept */
    public String checkAcceptance(Object accepted, Object reason) {
        return ResourceRules.reasonFor(ResourceRules.decision(accepted, "accepted", "接单或不接单"), reason, "reason",
                "不接单必须说明理由（reason）");
    }

    /** @return the yuan spent */
    public long checkCompletion(Object result, Object amount) {
        ResourceRules.requiredText(result, "result", "办理结果");
        Long spent = ResourceRules.whole(amount, 0, "amount", "实际使用金额（元）");
        if (spent == null) {
            throw new UserInputException("amount", "请填写实际使用金额（元），未使用资金填 0");
        }
        return spent;
    }

    /** @return the comment, required when the community is not satisfied that the need was met */
    public String checkConfirmation(Object confirmed, Object comment) {
        return ResourceRules.reasonFor(ResourceRules.decision(confirmed, "confirmed", "是否确认办结"), comment, "comment",
                "不确认办结时请说明情况（comment）");
    }

    public String checkDepartment(Object deptCode) {
        return rules.department(deptCode);
    }

    /** An order as its start form submits it; the amount as sent (Long, Double or text), checked by {@link #order}. */
    public record OrderForm(String category, String communityCode, String need, Object amount, String chosenDept) {
    }

    /** The departments to choose from for a category; {@code byDefault} when none offers it and the category's own is. */
    public record Offering(List<String> departments, boolean byDefault) {
    }

    /** A stored order: its RO key, the community and what it asks for. */
    public record Order(String businessKey, Placement place, String category, String categoryName, String need,
                        Long amount, String chosenDept) {
    }
}
