package cn.lianban.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One exportable table: a title, Chinese column headers and rows handed out one at a time (so that an export
 * writes each row as it is read instead of holding them all). The totals row (合计) sums the count and amount
 * columns; a rate column's total divides the summed columns it is made of, never averages the rates.
 */
record DashboardTable(String title, List<Column> columns, Rows rows) {

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

    /** part ÷ whole, null when the whole is not positive (nothing counts towards the rate). */
    public static Double ratio(double part, double whole) {
        return whole <= 0 ? null : part / whole;
    }

    /** Adds rows up as they pass, for the totals row. */
    public final class Totals {
        private final BigDecimal[] sums = new BigDecimal[columns.size()];

        {
            Arrays.fill(sums, BigDecimal.ZERO);
        }

        public void add(List<Object> row) {
            for (int i = 0; i < columns.size(); i++) {
                Kind kind = columns.get(i).kind();
                if ((kind == Kind.COUNT || kind == Kind.AMOUNT) && row.get(i) != null) {
                    BigDecimal v = row.get(i) instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) row.get(i))
                            .longValue());
                    sums[i] = sums[i].add(v);
                }
            }
        }

        public List<Object> row() {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                row.add(switch (c.kind()) {
                    case TEXT -> i == 0 ? "合计" : "";
                    case COUNT -> sums[i].longValueExact();
                    case AMOUNT -> sums[i];
                    case RATE -> ratio(sums[c.part()].doubleValue(), sums[c.whole()].subtract(c.less() < 0
                            ? BigDecimal.ZERO : sums[c.less()]).doubleValue());
                });
            }
            return row;
        }
    }
}
