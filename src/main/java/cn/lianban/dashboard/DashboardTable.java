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
        private final BigDecimal[] sums = new BigDecimal[columns.size()];

        public void add(List<Object> row) {
            for (int i = 0; i < columns.size(); i++) {
                Kind kind = columns.get(i).kind();
                if ((kind == Kind.COUNT || kind == Kind.AMOUNT) && row.get(i) != null) {
                    BigDecimal v = row.get(i) instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) row.get(i))
                            .longValue());
                    sums[i] = sums[i] == null ? v : sums[i].add(v);
                }
            }
        }

        public List<Object> row() {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                row.add(switch (c.kind()) {
                    case TEXT -> i == 0 ? "合计" : "";
                    case COUNT -> sum(i).longValueExact();
                    case AMOUNT -> sum(i);
                    case RATE -> ratio(sum(c.part()), sum(c.whole()).subtract(c.less() < 0 ? BigDecimal.ZERO
                            : sum(c.less())));
                });
            }
            return row;
        }

        private BigDecimal sum(int column) {
            return sums[column] == null ? BigDecimal.ZERO : sums[column];
        }
    }

    /** part ÷ whole as a Double, null when the whole is not positive. */
    public static Double ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() <= 0 ? null : part.doubleValue() / whole.doubleValue();
    }
}
