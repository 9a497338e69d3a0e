package cn.lianban.common;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The {@code month=YYYY-MM} parameter of the monthly figures. */
public final class Months {

    private Months() {
    }

    /** The month asked for; this month (by the engine clock) when none is given. */
    public static YearMonth parse(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(EngineClock.now());
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequest("bad_month", "month 须为 YYYY-MM 格式的月份，如 2026-11");
        }
    }
}
