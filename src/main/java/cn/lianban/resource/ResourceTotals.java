package cn.lianban.resource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.lianban.common.EngineClock;
import cn.lianban.common.SqlIn;

/**
 * What each community got from the resource link in a month, straight from the claim and order rows:
 * claims delivered in the month (delivered or confirmed since) and orders completed in the month
 * (completed or confirmed since), and the yuan they used — the claimed amount of a delivered claim and
 * the amount spent on a completed order.
 */
@Service
public class ResourceTotals {

    private final JdbcClient jdbc;

    ResourceTotals(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** One row per community with anything delivered or completed in the month, by community code. */
    public List<Total> totals(YearMonth month) {
        Timestamp from = start(month);
        Timestamp to = start(month.plusMonths(1));
        return jdbc.sql("SELECT d.community_code, c.name community_name, SUM(d.claims) claims_delivered, "
                        + "SUM(d.orders) orders_completed, SUM(d.yuan) funds_used FROM ("
                        + "SELECT community_code, 1 claims, 0 orders, COALESCE(amount, 0) yuan FROM resource_claim "
                        + "WHERE status IN ('DELIVERED', 'CONFIRMED') AND delivered_at >= ? AND delivered_at < ? "
                        + "UNION ALL "
                        + "SELECT community_code, 0, 1, COALESCE(amount_spent, 0) FROM community_order "
                        + "WHERE status IN ('COMPLETED', 'CONFIRMED') AND completed_at >= ? AND completed_at < ?"
                        + ") d LEFT JOIN community c ON c.code = d.community_code "
                        + "GROUP BY d.community_code, c.name ORDER BY d.community_code")
                .params(from, to, from, to).query(Total.class).list();
    }

    /**
     * 认领情况: the month's published list per category — what was offered (items, places, budget) and what the
     * communities (null: all) claimed on it, counting every claim not rejected, delivered or not.
     */
    public List<TakeUp> takeUp(YearMonth month, Collection<String> communities) {
        List<Object> args = new ArrayList<>();
        String scope = SqlIn.and("r.community_code", communities, args);
        args.add(month.toString());
        return jdbc.sql("SELECT k.code category, k.name, COUNT(*) items, COALESCE(SUM(i.capacity), 0) capacity, "
                        + "COALESCE(SUM(i.budget), 0) budget, COALESCE(SUM(c.claims), 0) claims, "
                        + "COALESCE(SUM(c.places), 0) places_claimed, COALESCE(SUM(c.amount), 0) amount_claimed "
                        + "FROM resource_item i JOIN resource_category k ON k.code = i.category LEFT JOIN ("
                        + "SELECT r.item_code, COUNT(*) claims, SUM(r.places) places, SUM(r.amount) amount "
                        + "FROM resource_claim r WHERE r.status <> 'REJECTED'" + scope + " GROUP BY r.item_code"
                        + ") c ON c.item_code = i.code WHERE i.list_month = ? AND i.published "
                        + "GROUP BY k.code, k.name, k.sort_order ORDER BY k.sort_order")
                .params(args).query(TakeUp.class).list();
    }

    /**
     * The funds joint meetings placed in the month (claims and community orders naming a case, made in the month),
     * per community of the communities (null: all): how many cases, the yuan asked for (claims not rejected) and the
     * yuan used (claims delivered, orders completed).
     */
    public List<MeetingTotal> meetingFunds(YearMonth month, Collection<String> communities) {
        Timestamp from = start(month);
        Timestamp to = start(month.plusMonths(1));
        List<Object> args = new ArrayList<>(List.of(from, to));
        String claims = SqlIn.and("community_code", communities, args);
        args.add(from);
        args.add(to);
        String orders = SqlIn.and("community_code", communities, args);
        return jdbc.sql("SELECT d.community_code, c.name community_name, COUNT(DISTINCT d.case_key) cases, "
                        + "SUM(d.requested) requested, SUM(d.used) used FROM ("
                        + "SELECT community_code, case_key, COALESCE(amount, 0) requested, CASE WHEN status IN "
                        + "('DELIVERED', 'CONFIRMED') THEN COALESCE(amount, 0) ELSE 0 END used FROM resource_claim "
                        + "WHERE case_key IS NOT NULL AND status <> 'REJECTED' AND created_at >= ? AND created_at < ?"
                        + claims + " UNION ALL "
                        + "SELECT community_code, case_key, COALESCE(amount, 0), CASE WHEN status IN ('COMPLETED', "
                        + "'CONFIRMED') THEN COALESCE(amount_spent, 0) ELSE 0 END FROM community_order "
                        + "WHERE case_key IS NOT NULL AND created_at >= ? AND created_at < ?" + orders
                        + ") d LEFT JOIN community c ON c.code = d.community_code "
                        + "GROUP BY d.community_code, c.name ORDER BY d.community_code")
                .params(args).query(MeetingTotal.class).list();
    }

    /** A community's month of meeting funds: cases, yuan asked for, yuan used. */
    public record MeetingTotal(String communityCode, String communityName, long cases, BigDecimal requested,
                               BigDecimal used) {

        /** Yuan to the fen, however the database sums them. */
        public MeetingTotal {
            requested = requested.setScale(2, RoundingMode.UNNECESSARY);
            used = used.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(EngineClock.ZONE).toInstant());
    }

    /**
     * One category of a month's list: items, places and budget offered; claims, places and yuan claimed.
     */
    public record TakeUp(String category, String name, long items, long capacity, long claims, long placesClaimed,
                         BigDecimal budget, BigDecimal amountClaimed) {

        /** Yuan to the fen, however the database sums them. */
        public TakeUp {
            budget = budget.setScale(2, RoundingMode.UNNECESSARY);
            amountClaimed = amountClaimed.setScale(2, RoundingMode.UNNECESSARY);
        }
    }

    /** A community's month: claims delivered, orders completed, and the yuan used by both. */
    public record Total(String communityCode, String communityName, long claimsDelivered, long ordersCompleted,
                        BigDecimal fundsUsed) {

        /** Yuan to the fen, however the database sums them. */
        public Total {
            fundsUsed = fundsUsed.setScale(2, RoundingMode.UNNECESSARY);
        }

        /** Projects completed (完成项目): delivered claims and completed orders. */
        @JsonProperty
        public long projectsCompleted() {
            return claimsDelivered + ordersCompleted;
        }
    }
}
