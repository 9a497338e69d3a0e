package cn.lianban.resource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One item of a month's resource list (资源清单), e.g. {@code RS-2026-11-001}. {@code capacity} counts places
 * or times (名额/场次) and {@code budget} is in yuan; an item has at least one of them, and {@code taken} and
 * {@code committed} are what claims have reserved of each.
 */
public record ResourceItem(String code, String listMonth, String category, String name, String description,
                           String deptCode, Integer capacity, BigDecimal budget, BigDecimal committed, int taken,
                           LocalDate validFrom, LocalDate validTo, boolean published) {

    /** The code of a month's {@code number}th item: {@code RS-2026-11-001}. */
    public static String code(YearMonth month, int number) {
        return String.format("RS-%s-%03d", month, number);
    }

    /** The same item under another code. */
    ResourceItem withCode(String newCode) {
        return new ResourceItem(newCode, listMonth, category, name, description, deptCode, capacity, budget, committed,
                taken, validFrom, validTo, published);
    }

    /** Yuan not yet reserved, or null for an item without a budget. */
    public BigDecimal budgetLeft() {
        return budget == null ? null : budget.subtract(committed);
    }

    /** Places not yet reserved, or null for an item without a capacity. */
    public Integer placesLeft() {
        return capacity == null ? null : capacity - taken;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
