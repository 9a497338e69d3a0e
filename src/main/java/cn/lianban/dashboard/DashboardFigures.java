package cn.lianban.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonProperty;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.EngineClock;
import cn.lianban.common.SqlIn;
import cn.lianban.issue.IssueStatus;
import cn.lianban.resource.ResourceTotals;
import cn.lianban.pairing.CheckinService;
import cn.lianban.rates.TicketRates;
import cn.lianban.venue.VenueUsage;

/**
 * The city dashboard's figures for a month and a set of communities (null = the whole city). Joint-handling
 * cases are those filed in the month, counted from issue_summary; the other figures come from the modules'
 * own services, narrowed to the communities.
 */
@Service
class DashboardFigures {

    /** Age buckets: days from filing to closing (or now while open); upper bounds inclusive. */
    static final int[] AGE_LIMITS = {3, 7, 15};
    static final List<String> AGE_NAMES = List.of("0–3天", "4–7天", "8–15天", "15天以上");

    private final JdbcTemplate jdbc;
    private final TicketRates rates;
    private final VenueUsage venues;
    private final ResourceTotals resources;
    private final CheckinService checkins;

    public DashboardFigures(JdbcTemplate jdbc, TicketRates rates, VenueUsage venues, ResourceTotals resources,
                            CheckinService checkins) {
        this.jdbc = jdbc;
        this.rates = rates;
        this.venues = venues;
        this.resources = resources;
        this.checkins = checkins;
    }

    public Figures figures(YearMonth month, Set<String> communities) {
        CaseFigures cases = cases(month, communities);
        List<VenueUsage.Usage> venueRows = venues(month, communities);
        VenueTotals venueTotals = new VenueTotals(venueRows.size(),
                venueRows.stream().mapToLong(VenueUsage.Usage::bookings).sum(),
                venueRows.stream().mapToLong(VenueUsage.Usage::bookedHours).sum(),
                venueRows.stream().mapToLong(VenueUsage.Usage::openHours).sum());
        long members = checkins.totals(CheckinService.By.MEMBER, month, communities).size();
        return new Figures(month.toString(), cases.byColor(), cases.byLevel(), cases.byStatus(), cases.byAge(),
                cases.overdue(), cases.escalations(), communities == null ? "dept" : "community",
                ticketRates(month, communities), venueTotals, resources.takeUp(month, communities),
                resources(month, communities), members, checkins(month, communities));
    }

    /** 三率: by department for the whole city, by community when narrowed. */
    public List<TicketRates.Rate> ticketRates(YearMonth month, Set<String> communities) {
        return communities == null ? rates.rates(month, TicketRates.By.DEPT)
                : rates.rates(month, TicketRates.By.COMMUNITY).stream().filter(r -> in(communities, r.key())).toList();
    }

    /** Resource projects completed and funds used per community of the scope. */
    public List<ResourceTotals.Total> resources(YearMonth month, Set<String> communities) {
        return resources.totals(month).stream().filter(t -> in(communities, t.communityCode())).toList();
    }

    /** 双报到 check-ins and hours per community of the scope. */
    public List<CheckinService.Total> checkins(YearMonth month, Set<String> communities) {
        return checkins.totals(CheckinService.By.COMMUNITY, month, communities);
    }

    /** The venues in the scope (a narrowed scope: those of its communities) and their month. */
    public List<VenueUsage.Usage> venues(YearMonth month, Set<String> communities) {
        return venues.all(month).stream().filter(u -> in(communities, u.communityCode())).toList();
    }

    /** Whether a community code is in the scope (null: the whole city, where units above communities count too). */
    static boolean in(Set<String> communities, String code) {
        return communities == null || code != null && communities.contains(code);
    }

    /** Joint-handling cases filed in the month in the communities (null: all): SQL condition and arguments. */
    static Where filedIn(YearMonth month, Set<String> communities) {
        List<Object> args = new ArrayList<>(List.of(start(month), start(month.plusMonths(1))));
        String where = "filed_at >= ? AND filed_at < ?" + SqlIn.and("community_code", communities, args);
        return new Where(where, args);
    }

    record Where(String sql, List<Object> args) {
        Object[] with(Object... first) {
            List<Object> all = new ArrayList<>(List.of(first));
            all.addAll(args);
            return all.toArray();
        }
    }

    /** The joint-handling cases filed in the month, counted by colour, level, status and age. */
    public CaseFigures cases(YearMonth month, Set<String> communities) {
        Tally c = new Tally();
        Instant now = EngineClock.now().toInstant();
        Where where = filedIn(month, communities);
        jdbc.query("SELECT color, level, status, filed_at, due_at, closed_at, escalations FROM issue_summary WHERE "
                + where.sql(), rs -> {
            String color = rs.getString("color");
            c.color.merge(color == null ? "" : color, 1L, Long::sum);
            int level = rs.getInt("level");
            c.level.merge(rs.wasNull() ? 0 : level, 1L, Long::sum);
            String status = rs.getString("status");
            c.status.merge(status, 1L, Long::sum);
            Timestamp closed = rs.getTimestamp("closed_at");
            Instant end = closed == null ? now : closed.toInstant();
            long days = Duration.between(rs.getTimestamp("filed_at").toInstant(), end).toDays();
            int bucket = 0;
            while (bucket < AGE_LIMITS.length && days > AGE_LIMITS[bucket]) {
                bucket++;
            }
            c.age[bucket]++;
            Timestamp due = rs.getTimestamp("due_at");
            if (!IssueStatus.CLOSED.name().equals(status) && due != null && due.toInstant().isBefore(now)) {
                c.overdue++;
            }
            c.escalations += rs.getLong("escalations");
        }, where.with());
        return c.figures();
    }

    static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(EngineClock.ZONE).toInstant());
    }

    private static final class Tally {
        final Map<String, Long> color = new TreeMap<>();
        final Map<Integer, Long> level = new TreeMap<>();
        final Map<String, Long> status = new TreeMap<>(Comparator.<String>comparingInt(IssueStatus::order)
                .thenComparing(Comparator.naturalOrder()));
        final long[] age = new long[AGE_LIMITS.length + 1];
        long overdue;
        long escalations;

        CaseFigures figures() {
            List<Count> ages = new ArrayList<>();
            for (int i = 0; i < age.length; i++) {
                ages.add(new Count(String.valueOf(i), AGE_NAMES.get(i), age[i]));
            }
            return new CaseFigures(color.entrySet().stream().map(e -> new Count(e.getKey(),
                    e.getKey().isEmpty() ? "未评级" : CaseLabels.colorName(e.getKey()), e.getValue())).toList(),
                    level.entrySet().stream().map(e -> new Count(String.valueOf(e.getKey()),
                            e.getKey() == 0 ? "未定级" : CaseLabels.levelName(e.getKey()), e.getValue())).toList(),
                    status.entrySet().stream().map(e -> new Count(e.getKey(), IssueStatus.chineseName(e.getKey()),
                            e.getValue())).toList(), ages, overdue, escalations);
        }
    }

    /** The month's cases by colour, level, status and age; how many are overdue; escalations among them. */
    public record CaseFigures(List<Count> byColor, List<Count> byLevel, List<Count> byStatus, List<Count> byAge,
                              long overdue, long escalations) {
    }

    /** One bar of a chart: a code, its Chinese name and how many cases. */
    public record Count(String key, String name, long count) {
    }

    /** Venues in the scope and their bookings and hours in the month. */
    public record VenueTotals(int venues, long bookings, long bookedHours, long openHours) {
    }

    /**
     * @param ratesBy  "dept" for the whole city, "community" when narrowed to communities
     * @param resourceTakeUp the month's resource list per category and what the scope's communities claimed
     * @param members  agency members with check-ins in the month (双报到)
     * @param checkins check-ins and hours per community served
     */
    public record Figures(String month, List<Count> byColor, List<Count> byLevel, List<Count> byStatus,
                          List<Count> byAge, long overdue, long escalations, String ratesBy,
                          List<TicketRates.Rate> ticketRates, VenueTotals venues,
                          List<ResourceTotals.TakeUp> resourceTakeUp, List<ResourceTotals.Total> resources,
                          long members, List<CheckinService.Total> checkins) {

        @JsonProperty
        public BigDecimal checkinHours() {
            return checkins.stream().map(CheckinService.Total::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @JsonProperty
        public BigDecimal fundsUsed() {
            return resources.stream().map(ResourceTotals.Total::fundsUsed).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }
}
