package cn.lianban.resource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;
import cn.lianban.common.Grants;

/**
 * The funds a joint meeting decides for a case (联席会议安排资金, issue 13): a claim (承接) on a funds item of the
 * month's published list that still has the budget, or, when the list has no such item, a community order (社区点单)
 * of category 资金倾斜. Either runs its own process (approval, delivery, confirmation) and carries the case's key,
 * so the money is counted per case and, like every claim and order, per community. Public: the joint-handling
 * process asks for it.
 */
@Service
public class MeetingFunds {

    private final ResourceList list;
    private final RuntimeService runtime;
    private final Grants grants;
    private final JdbcClient jdbc;

    MeetingFunds(ResourceList list, RuntimeService runtime, Grants grants, JdbcTemplate jdbc) {
        this.list = list;
        this.runtime = runtime;
        this.grants = grants;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** What the meeting placed: a claim (RC-…) on the named item, or a community order (RO-…). */
    public record Placed(String businessKey, boolean claim, String itemName) {
    }

    /** A case's meeting funds: the yuan asked for (claims not rejected, orders), the yuan used, and their keys. */
    public record CaseFunds(BigDecimal requested, BigDecimal used, List<String> businessKeys) {

        /** Yuan to the fen, however the database sums them. */
        public CaseFunds {
            requested = requested.setScale(2, RoundingMode.UNNECESSARY);
            used = used.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    /**
     * Places the funds the meeting decided for the case in the community. Started as the system: the convener is
     * not the community that claims.
     */
    public Placed place(String caseKey, String communityCode, long yuan, String purpose) {
        String need = "联席会议决定（" + caseKey + "）：" + purpose;
        Optional<ResourceItem> item = fundsItem(yuan);
        ProcessInstance started = grants.asSystem(() -> item.isPresent()
                ? runtime.startProcessInstanceByKey(ResourceFilters.CLAIM,
                ClaimVariables.start(item.get().code(), communityCode, need, yuan))
                : runtime.startProcessInstanceByKey(ResourceFilters.ORDER,
                OrderVariables.start(ResourceList.FUNDS, communityCode, need, yuan)));
        String table = item.isPresent() ? "resource_claim" : "community_order";
        jdbc.sql("UPDATE " + table + " SET case_key = ? WHERE process_instance_id = ?")
                .params(caseKey, started.getId()).update();
        String key = jdbc.sql("SELECT business_key FROM " + table + " WHERE process_instance_id = ?")
                .param(started.getId()).query(String.class).single();
        return new Placed(key, item.isPresent(), item.map(ResourceItem::name).orElse(null));
    }

    /** The case's meeting funds; zero and no keys when it has none. */
    public CaseFunds ofCase(String caseKey) {
        List<Row> rows = jdbc.sql("SELECT business_key, COALESCE(amount, 0) requested, CASE WHEN status IN "
                        + "('DELIVERED', 'CONFIRMED') THEN COALESCE(amount, 0) ELSE 0 END used FROM resource_claim "
                        + "WHERE case_key = ? AND status <> 'REJECTED' UNION ALL "
                        + "SELECT business_key, COALESCE(amount, 0), CASE WHEN status IN ('COMPLETED', 'CONFIRMED') "
                        + "THEN COALESCE(amount_spent, 0) ELSE 0 END FROM community_order WHERE case_key = ? "
                        + "ORDER BY business_key")
                .params(caseKey, caseKey).query(Row.class).list();
        return new CaseFunds(rows.stream().map(Row::requested).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(Row::used).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().map(Row::businessKey).toList());
    }

    private record Row(String businessKey, BigDecimal requested, BigDecimal used) {
    }

    /** The first published funds item of this month's list open today with the budget left for the yuan. */
    private Optional<ResourceItem> fundsItem(long yuan) {
        LocalDate today = EngineClock.now().toLocalDate();
        return list.items(YearMonth.from(today)).stream()
                .filter(i -> ResourceList.FUNDS.equals(i.category()) && i.published() && i.validOn(today)
                        && i.budget() != null && i.budgetLeft().compareTo(BigDecimal.valueOf(yuan)) >= 0)
                .findFirst();
    }
}
