package cn.lianban.dashboard;

import java.util.ArrayList;
import java.util.List;

import cn.lianban.common.NotFound;
import cn.lianban.ticket.TicketRates;

/**
 * One exportable table of the dashboard: Chinese headers, the rows and a totals row (合计). Count columns are
 * Long, rates Double (null when nothing counts towards them).
 */
public record DashboardTable(String title, List<String> headers, List<List<Object>> rows, List<Object> totals) {

    /** The tables that can be exported, by the name used in the export address. */
    public static final List<String> NAMES = List.of("color", "level", "status", "age", "rates");

    public static DashboardTable of(String name, DashboardFigures.Figures f) {
        return switch (name) {
            case "color" -> counts("案件按评级", "评级", f.byColor());
            case "level" -> counts("案件按层级", "层级", f.byLevel());
            case "status" -> counts("案件按状态", "状态", f.byStatus());
            case "age" -> counts("案件按时长", "时长", f.byAge());
            case "rates" -> rates(f.ticketRates());
            default -> throw new NotFound("no_table", "没有这张表：" + name);
        };
    }

    private static DashboardTable counts(String title, String what, List<DashboardFigures.Count> counts) {
        List<List<Object>> rows = new ArrayList<>();
        long total = 0;
        for (DashboardFigures.Count c : counts) {
            rows.add(List.of(c.name(), c.count()));
            total += c.count();
        }
        return new DashboardTable(title, List.of(what, "案件数"), rows, List.of("合计", total));
    }

    private static DashboardTable rates(List<TicketRates.Rate> rates) {
        List<List<Object>> rows = new ArrayList<>();
        for (TicketRates.Rate r : rates) {
            rows.add(rateRow(r.name(), r));
        }
        TicketRates.Rate sum = new TicketRates.Rate("", "合计",
                rates.stream().mapToLong(TicketRates.Rate::dispatched).sum(),
                rates.stream().mapToLong(TicketRates.Rate::returned).sum(),
                rates.stream().mapToLong(TicketRates.Rate::acceptedOnTime).sum(),
                rates.stream().mapToLong(TicketRates.Rate::due).sum(),
                rates.stream().mapToLong(TicketRates.Rate::solved).sum(),
                rates.stream().mapToLong(TicketRates.Rate::rated).sum(),
                rates.stream().mapToLong(TicketRates.Rate::satisfied).sum());
        return new DashboardTable("双联双促三率", List.of("名称", "派单", "退单", "按时接单", "按时接单率", "到期",
                "已解决", "解决率", "评价", "满意(4–5)", "满意率"), rows, rateRow("合计", sum));
    }

    private static List<Object> rateRow(String name, TicketRates.Rate r) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        row.add(r.dispatched());
        row.add(r.returned());
        row.add(r.acceptedOnTime());
        row.add(r.acceptanceRate());
        row.add(r.due());
        row.add(r.solved());
        row.add(r.resolutionRate());
        row.add(r.rated());
        row.add(r.satisfied());
        row.add(r.satisfactionRate());
        return row;
    }
}
