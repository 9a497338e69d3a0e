package cn.lianban.resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;
import cn.lianban.common.KeySequence;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory.Placement;

/**
 * The rules of a community's claim (承接) on an item of the resource list, process {@code resource-claim}:
 * what a claim must contain, reserving the item's budget or places, and the claim row's statuses
 * CLAIMED → APPROVED → DELIVERED → CONFIRMED, or REJECTED.
 */
@Service
class ResourceClaims {

    static final String TABLE = "resource_claim";

    private final JdbcTemplate jdbc;
    /** Reads rows into records by column name. */
    private final JdbcClient client;
    private final ResourceList list;
    private final ResourceRules rules;
    private final KeySequence keys;

    public ResourceClaims(JdbcTemplate jdbc, ResourceList list, ResourceRules rules, KeySequence keys) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.list = list;
        this.rules = rules;
        this.keys = keys;
    }

    /**
     * Checks a claim, gives it its RC key and stores it as CLAIMED. A funds item needs {@code amount} (whole
     * yuan); an item with places takes {@code places}, one when not given.
     */
    public Claim claim(ClaimForm form, Collection<String> starterGroups, String processInstanceId) {
        String itemCode = ResourceRules.text(form.itemCode());
        if (itemCode == null) {
            throw new UserInputException("itemCode", "请填写资源清单项目编号（itemCode），如 RS-2026-11-001");
        }
        ResourceItem item = list.find(itemCode).filter(ResourceItem::published).orElseThrow(
                () -> new UserInputException("itemCode", "资源清单中没有已发布的项目 " + itemCode));
        LocalDate today = EngineClock.now().toLocalDate();
        if (!item.validOn(today)) {
            throw new UserInputException("itemCode", "项目 " + itemCode + " 的承接期为 " + item.validFrom() + " 至 "
                    + item.validTo() + "，今天不能承接");
        }
        Placement place = rules.community(form.communityCode(), starterGroups);
        String need = ResourceRules.requiredText(form.need(), "need", "需求说明");
        Long amount = ResourceRules.whole(form.amount(), 1, "amount", "申请金额（元）");
        Long places = ResourceRules.whole(form.places(), 1, "places", "申请名额");
        if (item.budget() == null && amount != null) {
            throw new UserInputException("amount", "项目 " + itemCode + " 没有资金预算，不需填写申请金额");
        }
        if (item.budget() != null && amount == null) {
            throw new UserInputException("amount", "项目 " + itemCode + " 按资金承接，请填写申请金额（元）");
        }
        if (item.capacity() == null && places != null) {
            throw new UserInputException("places", "项目 " + itemCode + " 不设名额，不需填写名额");
        }
        if (item.capacity() != null && places == null) {
            places = 1L;
        }
        String key = keys.next("RC", today.getYear());
        jdbc.update("INSERT INTO resource_claim(business_key, process_instance_id, item_code, community_code, need, "
                        + "amount, places, status, created_at) VALUES (?,?,?,?,?,?,?,'CLAIMED',?)",
                key, processInstanceId, itemCode, place.community().code(), need,
                amount == null ? null : BigDecimal.valueOf(amount), places, CaseRows.now());
        return new Claim(key, item, place, need, amount, places);
    }

    /**
     * Reserves what the claim asks for. The database decides: when the budget or the places left are too few
     * the claim is refused (预算不足 / 名额已满) and, thrown inside the start, nothing of it is stored.
     */
    public void reserve(String businessKey) {
        Asked asked = asked(businessKey);
        if (list.reserve(asked.itemCode(), asked.amount(), asked.places())) {
            return;
        }
        ResourceItem now = list.find(asked.itemCode()).orElseThrow();
        if (asked.amount().signum() > 0 && now.budgetLeft().compareTo(asked.amount()) < 0) {
            throw new UserInputException("amount", "预算不足：项目 " + now.code() + " 剩余预算 "
                    + now.budgetLeft().toPlainString() + " 元，申请 " + asked.amount().toPlainString() + " 元");
        }
        throw new UserInputException("places", "名额已满：项目 " + now.code() + " 剩余名额 " + now.placesLeft()
                + " 个，申请 " + asked.places() + " 个");
    }

    public void approve(String businessKey) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("CLAIMED"), "APPROVED", "decided_at = ?", CaseRows.now());
    }

    /** 驳回: the reason is kept and the reservation given back to the item. */
    public void reject(String businessKey, String reason) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("CLAIMED"), "REJECTED", "reason = ?, decided_at = ?", reason,
                CaseRows.now());
        Asked asked = asked(businessKey);
        list.release(asked.itemCode(), asked.amount(), asked.places());
    }

    public void deliver(String businessKey, String note) {
        CaseRows.move(jdbc, TABLE, businessKey, List.of("APPROVED"), "DELIVERED", "delivery_note = ?, delivered_at = ?",
                note, CaseRows.now());
    }

    public void confirm(String businessKey, String note) {
        CaseRows.confirm(jdbc, TABLE, businessKey, "DELIVERED", note);
    }

    /** Not received: back to the department to deliver again; the delivery no longer counts. */
    public void redeliver(String businessKey, String note) {
        CaseRows.sendBack(jdbc, TABLE, businessKey, "DELIVERED", "APPROVED", "delivered_at", note);
    }

    /** @return the reason, required when the claim is rejected */
    public String checkDecision(Object approved, Object reason) {
        return ResourceRules.reasonFor(ResourceRules.decision(approved, "approved", "批准或驳回"), reason, "reason",
                "驳回必须说明理由（reason）");
    }

    public String checkDelivery(Object note) {
        return ResourceRules.requiredText(note, "deliveryNote", "交付情况");
    }

    /** @return the comment, required when the community has not received what was delivered */
    public String checkReceipt(Object received, Object comment) {
        return ResourceRules.reasonFor(ResourceRules.decision(received, "received", "是否已收到"), comment, "comment",
                "未收到时请说明情况（comment）");
    }

    private Asked asked(String businessKey) {
        return client.sql("SELECT item_code, COALESCE(amount, 0) AS amount, COALESCE(places, 0)"
                + " AS places FROM resource_claim WHERE business_key = ?").param(businessKey).query(Asked.class).single();
    }

    /** What a claim reserves of its item; zero of a measure it does not ask for. */
    private record Asked(String itemCode, BigDecimal amount, int places) {
    }

    /** A claim as its start form submits it; the figures as sent (Long, Double or text), checked by {@link #claim}. */
    public record ClaimForm(String itemCode, String communityCode, String need, Object amount, Object places) {
    }

    /** A stored claim: its RC key, the item, the community and what it asks for (null where not asked). */
    public record Claim(String businessKey, ResourceItem item, Placement place, String need, Long amount, Long places) {
    }
}
