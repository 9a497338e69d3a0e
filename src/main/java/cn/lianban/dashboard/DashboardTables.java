package cn.lianban.dashboard;

import static cn.lianban.dashboard.DashboardTable.Column.amount;
import static cn.lianban.dashboard.DashboardTable.Column.count;
import static cn.lianban.dashboard.DashboardTable.Column.rate;
import static cn.lianban.dashboard.DashboardTable.Column.text;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.EngineClock;
import cn.lianban.common.NotFound;
import cn.lianban.common.SqlIn;
import cn.lianban.issue.IssueCase;
import cn.lianban.issue.IssueCaseReader;
import cn.lianban.issue.IssueMerge;
import cn.lianban.issue.IssueStatus;
import cn.lianban.resource.ResourceTotals;
import cn.lianban.pairing.CheckinService;
import cn.lianban.rates.TicketRates;
import cn.lianban.venue.VenueUsage;

/**
 * Every table of the dashboard, for export: the four case breakdowns, the case list, escalations and overdue per
 * community, the 三率, venue usage, the resource list's take-up, resource projects and funds, 双报到, the hot spots
 * ({@link HotSpots}), and the monthly report ({@link MonthlyReport}).
 */
@Service
public class DashboardTables {

    /** Export name → title, in the order the page lists them. */
    public static final Map<String, String> TITLES = titles("color", "案件按评级", "level", "案件按层级",
            "status", "案件按状态", "age", "案件按时长", "cases", "案件明细", "escalations", "升级与逾期",
            "rates", "三率排名", "acceptance", "联办签收", "venues", "阵地使用", "takeup", "资源清单认领",
            "resources", "资源项目与经费", "checkins", "双报到",
            "lightsDept", "时效灯（部门）", "lightsCommunity", "时效灯（社区）", "lightsStreet", "时效灯（街道）",
            "meetingfunds", "联席会议资金", "hotCommunities", "热点社区", "hotCategories", "热点类别",
            "report", "月报");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DashboardFigures figures;
    private final ResourceTotals resources;
    private final MonthlyReport report;
    private final TimeLightCounts lights;
    private final JdbcTemplate jdbc;
    private final IssueCaseReader issueCases;
    private final HotSpots hotSpots;

    DashboardTables(DashboardFigures figures, ResourceTotals resources, MonthlyReport report, TimeLightCounts lights,
                           JdbcTemplate jdbc, IssueCaseReader issueCases, HotSpots hotSpots) {
        this.issueCases = issueCases;
        this.hotSpots = hotSpots;
        this.figures = figures;
        this.lights = lights;
        this.resources = resources;
        this.report = report;
        // the case list is read with a cursor, a window of rows at a time, while it is written out
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(500);
    }

    /**
     * @param unit the scope's name for the title, e.g. 东莱街道 or 全市
     * @throws NotFound for an unknown table name
     */
    DashboardTable table(String name, YearMonth month, Set<String> communities, String unit) {
        String title = TITLES.get(name);
        if (title == null) {
            throw new NotFound("no_table", "没有这张表：" + name);
        }
        title = unit + " " + month + " " + title;
        return switch (name) {
            case "color" -> counts(title, "评级", figures.cases(month, communities).byColor());
            case "level" -> counts(title, "层级", figures.cases(month, communities).byLevel());
            case "status" -> counts(title, "状态", figures.cases(month, communities).byStatus());
            case "age" -> counts(title, "时长", figures.cases(month, communities).byAge());
            case "cases" -> cases(title, month, communities);
            case "escalations" -> escalations(title, month, communities);
            case "rates" -> rates(title, figures.ticketRates(month, communities));
            case "acceptance" -> acceptance(title, month, communities);
            case "venues" -> venues(title, month, communities);
            case "takeup" -> takeUp(title, resources.takeUp(month, communities));
            case "resources" -> resources(title, figures.resources(month, communities));
            case "checkins" -> checkins(title, figures.checkins(month, communities));
            case "lightsDept" -> lights(title, lights.units(communities).get(0));
            case "lightsCommunity" -> lights(title, lights.units(communities).get(1));
            case "lightsStreet" -> lights(title, lights.units(communities).get(2));
            case "meetingfunds" -> meetingFunds(title, resources.meetingFunds(month, communities));
            case "hotCommunities" -> hotSpots(title, "社区", hotSpots.of(month, communities).communities());
            case "hotCategories" -> hotSpots(title, "类别", hotSpots.of(month, communities).categories());
            default -> report.table(title, month, communities);
        };
    }

    private static DashboardTable counts(String title, String what, List<DashboardFigures.Count> counts) {
        return new DashboardTable(title, List.of(text(what), count("案件数")),
                sink -> counts.forEach(c -> sink.accept(List.of(c.name(), c.count()))));
    }

    /** One row per case, read from the database as it is written out. */
    private DashboardTable cases(String title, YearMonth month, Set<String> communities) {
        DashboardFigures.Where where = DashboardFigures.filedIn(month, communities);
        Timestamp now = Timestamp.from(EngineClock.now().toInstant());
        Map<String, List<IssueMerge>> merges = issueCases.mergedIntoCasesFiled(
                DashboardFigures.start(month).toInstant(), DashboardFigures.start(month.plusMonths(1)).toInstant());
        return new DashboardTable(title, List.of(text("案件编号"), text("社区"), text("评级"), text("层级"),
                text("状态"), text("登记时间"), text("办理期限"), text("销号时间"), count("逾期未办结"),
                count("升级次数"), text("并案涉及社区"), count("附件数"), text("满意度"), text(IssueCase.RatedBy.RESIDENT.label()),
                text(IssueCase.RatedBy.PROXY.label())),
                // 附件数: case_attachment is the cases module's, read by SQL as issue_summary is (its index on
                // business_key answers each count)
                sink -> jdbc.query("SELECT s.*, c.name community_name, (SELECT COUNT(*) FROM case_attachment a "
                + "WHERE a.business_key = s.business_key) attachments FROM issue_summary s "
                + "LEFT JOIN community c ON c.code = s.community_code WHERE " + where.sql()
                + " ORDER BY s.filed_at, s.business_key", rs -> {
            String color = rs.getString("color");
            int level = rs.getInt("level");
            boolean unleveled = rs.wasNull();
            Timestamp due = rs.getTimestamp("due_at");
            String status = rs.getString("status");
            sink.accept(Arrays.asList(rs.getString("business_key"), rs.getString("community_name"),
                    color == null ? "未评级" : CaseLabels.colorName(color),
                    unleveled ? "未定级" : CaseLabels.levelName(level), IssueStatus.chineseName(status),
                    time(rs.getTimestamp("filed_at")), time(due), time(rs.getTimestamp("closed_at")),
                    !IssueStatus.CLOSED.name().equals(status) && due != null && due.before(now) ? 1L : 0L,
                    rs.getLong("escalations"), merges.containsKey(rs.getString("business_key"))
                            ? IssueMerge.communityNames(rs.getString("community_name"),
                            merges.get(rs.getString("business_key"))) : "", rs.getLong("attachments"),
                    satisfaction(rs.getObject("resident_satisfaction", Integer.class),
                            rs.getObject("community_satisfaction", Integer.class)),
                    score(rs.getObject("resident_satisfaction", Integer.class)),
                    score(rs.getObject("community_satisfaction", Integer.class))));
        }, where.args().toArray()));
    }

    /**
     * A case's satisfaction (issue 14): the resident's own score when they rated, else the community's, marked
     * 代评; empty before either.
     */
    private static String satisfaction(Integer resident, Integer community) {
        return resident != null ? score(resident) : community != null ? score(community) + "（代评）" : "";
    }

    private static String score(Integer score) {
        return score == null ? "" : score + " 分";
    }

    private DashboardTable escalations(String title, YearMonth month, Set<String> communities) {
        return new DashboardTable(title, List.of(text("社区"), count("案件数"), count("已销号"), count("逾期未办结"),
                count("升级案件"), count("升级次数")), sink -> report.caseCounts(month, communities).forEach(c ->
                sink.accept(List.of(c.name(), c.filed(), c.closed(), c.overdue(), c.escalated(), c.escalations()))));
    }

    private static DashboardTable rates(String title, List<TicketRates.Rate> rates) {
        return new DashboardTable(title, List.of(text("名称"), count("派单"), count("退单"), count("按时接单"),
                rate("按时接单率", 3, 1, 2), count("到期"), count("已解决"), rate("解决率", 6, 5), count("评价"),
                count("满意(4–5)"), rate("满意率", 9, 8), count("其中居民本人评价"), count("其中代评")),
                sink -> rates.forEach(r -> sink.accept(Arrays.asList(r.name(), r.dispatched(), r.returned(),
                        r.acceptedOnTime(), r.acceptanceRate(), r.due(), r.solved(), r.resolutionRate(), r.rated(),
                        r.satisfied(), r.satisfactionRate(), r.residentRated(), r.rated() - r.residentRated()))));
    }

    /**
     * 签收 of joint-handling cases per lead department in the month (issue 13): accepted, on time, and how often a
     * late acceptance went to 督办 (case_event LEAD_ACCEPTED with on_time, ACCEPT_OVERDUE).
     */
    private DashboardTable acceptance(String title, YearMonth month, Set<String> communities) {
        List<Object> args = new ArrayList<>(List.of(DashboardFigures.start(month),
                DashboardFigures.start(month.plusMonths(1))));
        String scope = SqlIn.and("e.community_code", communities, args);
        return new DashboardTable(title, List.of(text("牵头部门"), count("签收"), count("按时签收"),
                rate("按时签收率", 2, 1), count("超时未签收督办")), sink -> jdbc.query("SELECT d.name, "
                + "COUNT(CASE WHEN e.action = 'LEAD_ACCEPTED' THEN 1 END) accepted, "
                + "COUNT(CASE WHEN e.action = 'LEAD_ACCEPTED' AND e.on_time THEN 1 END) on_time, "
                + "COUNT(CASE WHEN e.action = 'ACCEPT_OVERDUE' THEN 1 END) supervised "
                + "FROM case_event e JOIN department d ON d.code = e.dept_code "
                + "WHERE e.action IN ('LEAD_ACCEPTED', 'ACCEPT_OVERDUE') AND e.occurred_at >= ? AND e.occurred_at < ?"
                + scope + " GROUP BY d.name ORDER BY d.name", rs -> {
            long accepted = rs.getLong("accepted");
            long onTime = rs.getLong("on_time");
            sink.accept(Arrays.asList(rs.getString("name"), accepted, onTime,
                    DashboardTable.ratio(onTime, accepted), rs.getLong("supervised")));
        }, args.toArray()));
    }

    private DashboardTable venues(String title, YearMonth month, Set<String> communities) {
        List<VenueUsage.Usage> rows = figures.venues(month, communities);
        return new DashboardTable(title, List.of(text("阵地"), text("编号"), count("预约次数"), count("预约小时"),
                count("开放小时"), rate("使用率", 3, 4)), sink -> rows.forEach(v -> sink.accept(Arrays.asList(
                v.venueName(), v.venueCode(), v.bookings(), v.bookedHours(), v.openHours(), v.occupancyRate()))));
    }

    private static DashboardTable takeUp(String title, List<ResourceTotals.TakeUp> takeUp) {
        return new DashboardTable(title, List.of(text("类别"), count("项目数"), count("名额"), count("认领"),
                count("已认领名额"), rate("名额认领率", 4, 2), amount("预算（元）"), amount("已承接资金（元）"),
                rate("资金承接率", 7, 6)), sink -> takeUp.forEach(t -> sink.accept(Arrays.asList(t.name(), t.items(),
                t.capacity(), t.claims(), t.placesClaimed(), DashboardTable.ratio(t.placesClaimed(), t.capacity()),
                t.budget(), t.amountClaimed(), DashboardTable.ratio(t.amountClaimed().doubleValue(), t.budget().doubleValue())))));
    }

    private static DashboardTable resources(String title, List<ResourceTotals.Total> totals) {
        return new DashboardTable(title, List.of(text("社区"), count("认领已交付"), count("点单已完成"),
                count("完成项目"), amount("使用资金（元）")), sink -> totals.forEach(t -> sink.accept(List.of(
                t.communityName(), t.claimsDelivered(), t.ordersCompleted(), t.projectsCompleted(), t.fundsUsed()))));
    }

    private static DashboardTable meetingFunds(String title, List<ResourceTotals.MeetingTotal> totals) {
        return new DashboardTable(title, List.of(text("社区"), count("安排资金的案件"), amount("安排资金（元）"),
                amount("已使用（元）")), sink -> totals.forEach(t -> sink.accept(List.of(t.communityName(), t.cases(),
                t.requested(), t.used()))));
    }

    /** 热点: the month's new cases and tickets beside the month before's. */
    private static DashboardTable hotSpots(String title, String what, List<HotSpots.Spot> spots) {
        return new DashboardTable(title, List.of(text(what), count("本月新增"), count("上月"), text("变化")),
                sink -> spots.forEach(s -> sink.accept(List.of(s.name(), s.count(), s.previous(), s.change()))));
    }

    private static DashboardTable checkins(String title, List<CheckinService.Total> totals) {
        return new DashboardTable(title, List.of(text("社区"), count("报到服务人次"), amount("服务小时")),
                sink -> totals.forEach(t -> sink.accept(List.of(t.name(), t.checkins(), t.hours()))));
    }

    /** The open cases and tickets of each unit by 时效灯, as of now whatever the month. */
    private static DashboardTable lights(String title, TimeLightCounts.Units units) {
        return new DashboardTable(title, List.of(text(units.kind()), count("案件·正常"), count("案件·临期"),
                count("案件·逾期"), count("工单·正常"), count("工单·临期"), count("工单·逾期")),
                sink -> units.rows().forEach(r -> sink.accept(List.of(r.name(), r.caseGreen(), r.caseYellow(),
                        r.caseRed(), r.ticketGreen(), r.ticketYellow(), r.ticketRed()))));
    }

    private static String time(Timestamp at) {
        return at == null ? "" : LocalDateTime.ofInstant(at.toInstant(), EngineClock.ZONE).format(TIME);
    }

    private static Map<String, String> titles(String... pairs) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            titles.put(pairs[i], pairs[i + 1]);
        }
        return titles;
    }
}
