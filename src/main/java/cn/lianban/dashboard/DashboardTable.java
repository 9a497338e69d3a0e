package cn.lianban.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One exportable table: a title, Chinese column headers and rows handed out one at a time (so that an export
 * writes each row as it is read instead of holding them all). The totals row (合计) sums the count and amount
 * columns; a rate column's total divides the summed columns it is made of, never averages the rates.
 */
public record DashboardTable(String title, List<Column> columns, Rows rows) {

    /** Hands every row to the sink, in order. Counts are Long, amounts BigDecimal, rates Double (null: none). */
    @FunctionalInterface
    public interface Rows {
        void each(Consumer<List<Object>> sink);
    }

    /** What a column holds and how it adds up. */
    public enum Kind { TEXT, COUNT, AMOUNT, RATE }

    /**
     * @param part  for a rate: the column counted
     * @param whole for a rate: the column it is a share of
     * @param less  for a rate: a column taken off the whole, or -1
     */
    public record Column(String header, Kind kind, int part, int whole, int less) {

        public static Column text(String header) {
            return new Column(header, Kind.TEXT, -1, -1, -1);
        }

        public static Column count(String header) {
            return new Column(header, Kind.COUNT, -1, -1, -1);
        }

        public static Column amount(String header) {
            return new Column(header, Kind.AMOUNT, -1, -1, -1);
        }

        public static Column rate(String header, int part, int whole) {
            return new Column(header, Kind.RATE, part, whole, -1);
        }

        public static Column rate(String header, int part, int whole, int less) {
            return new Column(header, Kind.RATE, part, whole, less);
        }
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** Rows read into a list; for tests and small tables only. */
    public List<List<Object>> list() {
        List<List<Object>> all = new ArrayList<>();
        rows.each(all::add);
        return all;
    }

    /** The share part ÷ (whole − less), null when nothing counts towards it. */
    public static Double ratio(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    /** Adds rows up as they pass, for the totals row. */
    public final class Totals {
        private final long[] counts = new long[columns.size()];
        private final BigDecimal[] amounts = new BigDecimal[columns.size()];

        public void add(List<Object> row) {
            for (int i = 0; i < columns.size(); i++) {
                Object v = row.get(i);
                if (columns.get(i).kind() == Kind.COUNT && v instanceof Number n) {
                    counts[i] += n.longValue();
                } else if (columns.get(i).kind() == Kind.AMOUNT && v instanceof BigDecimal d) {
                    amounts[i] = amounts[i] == null ? d : amounts[i].add(d);
                }
            }
        }

        public List<Object> row() {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                row.add(switch (c.kind()) {
                    case TEXT -> i == 0 ? "合计" : "";
                    case COUNT -> counts[i];
                    case AMOUNT -> amounts[i] == null ? BigDecimal.ZERO : amounts[i];
                    case RATE -> ratio(counts[c.part()], counts[c.whole()] - (c.less() < 0 ? 0 : counts[c.less()]));
                });
            }
            return row;
        }
    }
}
