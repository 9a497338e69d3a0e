package cn.lianban.dashboard;

import static cn.lianban.dashboard.DashboardTable.Column.amount;
import static cn.lianban.dashboard.DashboardTable.Column.count;
import static cn.lianban.dashboard.DashboardTable.Column.rate;
import static cn.lianban.dashboard.DashboardTable.Column.text;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.EngineClock;
import cn.lianban.directory.Area;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Street;
import cn.lianban.issue.IssueStatus;
import cn.lianban.resource.ResourceTotals;
import cn.lianban.pairing.CheckinService;
import cn.lianban.rates.TicketRates;
import cn.lianban.venue.VenueUsage;

/**
 * 统合站月报: the routine monthly statistics an area work station used to compile by hand, one row per community
 * of the scope (a community, an area, a street or the city), every community listed even when it had nothing, with
 * the totals row standing for the area or street. Community venues only: street and city venues belong to no
 * community.
 */
@Service
class MonthlyReport {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TicketRates rates;
    private final DashboardFigures figures;

    public MonthlyReport(JdbcClient jdbc, Directory directory, TicketRates rates, DashboardFigures figures) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.rates = rates;
        this.figures = figures;
    }

    /** A community's joint-handling cases filed in the month. */
    public record CaseCount(String code, String name, long filed, long closed, long overdue, long escalated,
                            long escalations) {
    }

    /** Cases filed in the month per community that has any, by community code. */
    public List<CaseCount> caseCounts(YearMonth month, Set<String> communities) {
        DashboardFigures.Where where = DashboardFigures.filedIn(month, communities);
        Timestamp now = Timestamp.from(EngineClock.now().toInstant());
        return jdbc.sql("SELECT s.community_code AS code, c.name, COUNT(*) filed, "
                + "SUM(CASE WHEN s.status = ? THEN 1 ELSE 0 END) closed, "
                + "SUM(CASE WHEN s.status <> ? AND s.due_at < ? THEN 1 ELSE 0 END) overdue, "
                + "SUM(CASE WHEN s.escalations > 0 THEN 1 ELSE 0 END) escalated, SUM(s.escalations) escalations "
                + "FROM issue_summary s LEFT JOIN community c ON c.code = s.community_code WHERE " + where.sql()
                + " GROUP BY s.community_code, c.name ORDER BY s.community_code")
                .params(where.with(IssueStatus.CLOSED.name(), IssueStatus.CLOSED.name(), now)).query(CaseCount.class)
                .list();
    }

    public DashboardTable table(String title, YearMonth month, Set<String> communities) {
        Map<String, Area> areas = directory.areas().stream().collect(Collectors.toMap(Area::code, a -> a));
        Map<String, Street> streets = directory.streets().stream().collect(Collectors.toMap(Street::code, s -> s));
        List<Community> rows = directory.communities().stream()
                .filter(c -> DashboardFigures.in(communities, c.code()))
                .sorted(Comparator.comparing((Community c) -> areas.get(c.areaCode()).streetCode())
                        .thenComparing(Community::areaCode).thenComparing(Community::code)).toList();
        Map<String, CaseCount> cases = byCode(caseCounts(month, communities), CaseCount::code);
        Map<String, TicketRates.Rate> ticketRates = byCode(rates.rates(month, TicketRates.By.COMMUNITY),
                TicketRates.Rate::key);
        Map<String, long[]> venues = new HashMap<>();
        for (VenueUsage.Usage v : figures.venues(month, communities)) {
            if (v.communityCode() != null) {
                long[] n = venues.computeIfAbsent(v.communityCode(), k -> new long[2]);
                n[0] += v.bookings();
                n[1] += v.bookedHours();
            }
        }
        Map<String, ResourceTotals.Total> funds = byCode(figures.resources(month, communities),
                ResourceTotals.Total::communityCode);
        Map<String, CheckinService.Total> served = byCode(figures.checkins(month, communities),
                CheckinService.Total::key);
        return new DashboardTable(title, List.of(text("社区"), text("片区"), text("街道"), count("提报案件"),
                count("已销号"), count("逾期未办结"), count("升级次数"), count("工单派单"), count("退单"),
                count("按时接单"), rate("按时接单率", 9, 7, 8), count("到期"), count("已解决"), rate("解决率", 12, 11),
                count("评价"), count("满意"), rate("满意率", 15, 14), count("阵地预约"), count("预约小时"),
                count("资源项目完成"), amount("使用资金（元）"), count("双报到人次"), amount("服务小时")), sink -> {
            for (Community c : rows) {
                Area area = areas.get(c.areaCode());
                CaseCount k = cases.getOrDefault(c.code(), new CaseCount(c.code(), c.name(), 0, 0, 0, 0, 0));
                TicketRates.Rate r = ticketRates.getOrDefault(c.code(),
                        new TicketRates.Rate(c.code(), c.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0));
                long[] v = venues.getOrDefault(c.code(), new long[2]);
                ResourceTotals.Total f = funds.get(c.code());
                CheckinService.Total s = served.get(c.code());
                List<Object> row = Arrays.asList(c.name(), area.name(),
                        streets.get(area.streetCode()).name(), k.filed(), k.closed(), k.overdue(), k.escalations(),
                        r.dispatched(), r.returned(), r.acceptedOnTime(), r.acceptanceRate(), r.due(), r.solved(),
                        r.resolutionRate(), r.rated(), r.satisfied(), r.satisfactionRate(), v[0], v[1],
                        f == null ? 0L : f.projectsCompleted(), f == null ? BigDecimal.ZERO : f.fundsUsed(),
                        s == null ? 0L : s.checkins(), s == null ? BigDecimal.ZERO : s.hours());
                sink.accept(row);
            }
        });
    }

    private static <T> Map<String, T> byCode(List<T> list, Function<T, String> code) {
        Map<String, T> map = new HashMap<>();
        list.forEach(t -> map.put(code.apply(t), t));
        return map;
    }
}
