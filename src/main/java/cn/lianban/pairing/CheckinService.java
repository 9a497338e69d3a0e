package cn.lianban.pairing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.SqlIn;

/**
 * 双报到: agency party members report the service they did in a community (date, hours, what they did),
 * and the city center reads the totals by member, agency and community instead of asking for forms.
 */
@Service
public class CheckinService {

    static final BigDecimal MAX_HOURS = new BigDecimal("24");
    static final int ACTIVITY_MAX = 200;

    private final JdbcClient jdbc;
    private final Clock clock;

    /** @param clock Beijing time: check-in dates are checked against its day */
    CheckinService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Today in Beijing, on the clock that check-in dates are checked against. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Totals of one member, agency or community: {@code key} is the member id, agency code or community
     * code, {@code hours} has one decimal place. Lists of totals hold only those with check-ins, most hours
     * first, equal hours by member id or code.
     */
    public record Total(String key, String name, long checkins, BigDecimal hours) {
    }

    /**
     * Records a service of a member in a community (one whose grids the member is placed in, or that is paired with
     * the member's agency) and returns the new check-in's id.
     *
     * @throws IllegalArgumentException with a Chinese message naming the field when the input is not valid;
     *                                  nothing is stored then
     */
    @Transactional
    public long checkIn(long memberId, String communityCode, LocalDate date, BigDecimal hours, String activity) {
        return insert(memberId, communityCode, date, hours, activity, Status.CONFIRMED, null);
    }

    /**
     * Records a service a member reports himself (issue 15): checked as {@link #checkIn}, stored {@link
     * Status#PENDING} until the community's secretary confirms it; {@code needId} names the need it served, if any.
     */
    @Transactional
    long report(long memberId, String communityCode, LocalDate date, BigDecimal hours, String activity, Long needId) {
        return insert(memberId, communityCode, date, hours, activity, Status.PENDING, needId);
    }

    /** Where a check-in stands: a secretary's own are confirmed at once, a member's wait for the secretary. */
    enum Status {
        PENDING("待确认"), CONFIRMED("已确认"), RETURNED("退回");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    private long insert(long memberId, String communityCode, LocalDate date, BigDecimal hours, String activity,
                        Status status, Long needId) {
        if (count("SELECT COUNT(*) FROM agency_member WHERE id = ?", memberId) == 0) {
            throw new IllegalArgumentException("报到党员（memberId）不存在：" + memberId);
        }
        if (communityCode == null || communityCode.isBlank()
                || count("SELECT COUNT(*) FROM community WHERE code = ?", communityCode) == 0) {
            throw new IllegalArgumentException("服务社区（communityCode）不存在：" + communityCode);
        }
        // 双报到 is service in the community one is placed in (下沉网格) or whose paired agency one belongs to (结对)
        if (count("SELECT COUNT(*) FROM agency_member m JOIN grid g ON g.code = m.grid_code"
                + " WHERE m.id = ? AND (g.community_code = ? OR m.agency_code IN"
                + " (SELECT agency_code FROM pairing WHERE community_code = ?))",
                memberId, communityCode, communityCode) == 0) {
            throw new IllegalArgumentException("报到党员（memberId）" + memberId
                    + " 未下沉到该社区，所在单位也未与该社区结对，不能在该社区登记双报到");
        }
        if (hours == null) {
            throw new IllegalArgumentException("服务时长（hours）不能为空");
        }
        if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
            throw new IllegalArgumentException("服务时长（hours）应大于 0 且不超过 24 小时：" + hours.toPlainString());
        }
        if (hours.stripTrailingZeros().scale() > 1) {
            throw new IllegalArgumentException("服务时长（hours）最多保留一位小数：" + hours.toPlainString());
        }
        if (date == null) {
            throw new IllegalArgumentException("服务日期（date）不能为空");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (date.isAfter(today())) {
            throw new IllegalArgumentException("服务日期（date）不能晚于今天：" + date);
        }
        String text = activity == null ? "" : activity.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("服务内容（activity）不能为空");
        }
        if (text.codePointCount(0, text.length()) > ACTIVITY_MAX) {
            throw new IllegalArgumentException("服务内容（activity）不能超过 " + ACTIVITY_MAX + " 个字");
        }
        BigDecimal sameDay = jdbc.sql(
                "SELECT COALESCE(SUM(hours), 0) FROM checkin WHERE member_id = ? AND service_date = ? AND status <> ?")
                .params(memberId, date, Status.RETURNED.name()).query(BigDecimal.class).single();
        if (sameDay.add(hours).compareTo(MAX_HOURS) > 0) {
            throw new IllegalArgumentException("服务时长（hours）：该党员 " + date + " 已登记 " + sameDay.stripTrailingZeros()
                    .toPlainString() + " 小时，一天合计不能超过 24 小时");
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO checkin (member_id, community_code, service_date, hours, activity, created_at, status,"
                        + " need_id) VALUES (?,?,?,?,?,?,?,?)")
                .params(memberId, communityCode, date, hours, text, now, status.name(), needId).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private int count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Integer.class).single();
    }

    private static final String MEMBERS =
            "checkin c JOIN agency_member m ON m.id = c.member_id JOIN grid g ON g.code = m.grid_code";

    /**
     * What totals are summed by. {@code scope} is the column that places a row in a community: for members
     * and agencies the community of the grid the member is placed in, for communities the community served.
     */
    public enum By {
        MEMBER("m.id", "m.name", MEMBERS, "g.community_code"),
        AGENCY("a.code", "a.name", MEMBERS + " JOIN agency a ON a.code = m.agency_code", "g.community_code"),
        COMMUNITY("co.code", "co.name", "checkin c JOIN community co ON co.code = c.community_code", "co.code");

        private final String key;
        private final String name;
        private final String from;
        private final String scope;

        By(String key, String name, String from, String scope) {
            this.key = key;
            this.name = name;
            this.from = from;
            this.scope = scope;
        }
    }

    /** Check-ins and hours per member, most hours first; {@code month} null means all time. */
    List<Total> totalsByMember(YearMonth month) {
        return totals(By.MEMBER, month, null);
    }

    /** Check-ins and hours per agency (by the members' agency), most hours first; null month = all time. */
    List<Total> totalsByAgency(YearMonth month) {
        return totals(By.AGENCY, month, null);
    }

    /** Check-ins and hours per community served, most hours first; null month = all time. */
    List<Total> totalsByCommunity(YearMonth month) {
        return totals(By.COMMUNITY, month, null);
    }

    /**
     * Totals by member, agency or community; {@code month} null means all time. {@code communities} null
     * means citywide; otherwise only check-ins of members placed in grids of those communities count (by
     * member and agency), or only the rows of those communities (by community).
     */
    public List<Total> totals(By by, YearMonth month, Collection<String> communities) {
        if (communities != null && communities.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT " + by.key + " AS total_key, " + by.name + " AS total_name,"
                + " COUNT(*) AS checkins, SUM(c.hours) AS total_hours FROM " + by.from + " WHERE c.status = ?");
        // a service a member reported counts once the secretary has confirmed it
        List<Object> args = new ArrayList<>(List.of(Status.CONFIRMED.name()));
        if (month != null) {
            sql.append(" AND c.service_date >= ? AND c.service_date < ?");
            args.add(month.atDay(1));
            args.add(month.plusMonths(1).atDay(1));
        }
        sql.append(SqlIn.and(by.scope, communities, args));
        sql.append(" GROUP BY ").append(by.key).append(", ").append(by.name)
                .append(" ORDER BY SUM(c.hours) DESC, ").append(by.key);
        return jdbc.sql(sql.toString()).params(args).query(TotalRow.class).list().stream().map(TotalRow::total).toList();
    }

    /** A recorded service as its member and the secretary see it. */
    record Service(long id, long memberId, String memberName, String communityCode, String communityName,
                   LocalDate serviceDate, BigDecimal hours, String activity, Status status, String returnReason,
                   String needTitle) {

        public String statusLabel() {
            return status.label;
        }

        public String hoursText() {
            return hours.stripTrailingZeros().toPlainString();
        }
    }

    private static final String SERVICES = "SELECT c.id, c.member_id, m.name AS member_name, c.community_code,"
            + " co.name AS community_name, c.service_date, c.hours, c.activity, c.status, c.return_reason,"
            + " n.title AS need_title FROM checkin c JOIN agency_member m ON m.id = c.member_id"
            + " JOIN community co ON co.code = c.community_code LEFT JOIN community_need n ON n.id = c.need_id";

    /** A member's own services, latest first. */
    List<Service> servicesOf(long memberId) {
        return jdbc.sql(SERVICES + " WHERE c.member_id = ? ORDER BY c.service_date DESC, c.id DESC").param(memberId)
                .query(Service.class).list();
    }

    /** Services waiting for confirmation in the given communities (null: all), oldest first. */
    List<Service> pending(Collection<String> communities) {
        if (communities != null && communities.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(Status.PENDING.name()));
        String sql = SERVICES + " WHERE c.status = ?" + SqlIn.and("c.community_code", communities, args)
                + " ORDER BY c.service_date, c.id";
        return jdbc.sql(sql).params(args).query(Service.class).list();
    }

    Optional<Service> service(long id) {
        return jdbc.sql(SERVICES + " WHERE c.id = ?").param(id).query(Service.class).optional();
    }

    /**
     * Confirms a pending service (it counts from now on) or returns it with a reason; the need it served is done
     * once it is confirmed. A service decided already is not decided again.
     *
     * @return false when the service was no longer pending; nothing changed then
     */
    @Transactional
    boolean decide(long id, boolean confirm, String reason, String by) {
        int changed = jdbc.sql("UPDATE checkin SET status = ?, return_reason = ?, decided_by = ? WHERE id = ? AND status = ?")
                .params((confirm ? Status.CONFIRMED : Status.RETURNED).name(), confirm ? null : reason, by, id,
                        Status.PENDING.name()).update();
        if (changed == 1 && confirm) {
            jdbc.sql("UPDATE community_need SET status = 'DONE' WHERE id = (SELECT need_id FROM checkin WHERE id = ?)")
                    .param(id).update();
        }
        return changed == 1;
    }

    private record TotalRow(String totalKey, String totalName, long checkins, BigDecimal totalHours) {

        Total total() {
            return new Total(totalKey, totalName, checkins, totalHours.setScale(1, RoundingMode.HALF_UP));
        }
    }
}
