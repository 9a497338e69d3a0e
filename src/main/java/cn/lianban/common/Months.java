package cn.lianban.common;

import java.time.YearMonth;

/** The {@code month=YYYY-MM} parameter of the monthly figures. */
public final class Months {

    private Months() {
    }

    /** The month asked for; this month (by the engine clock) when none is given. */
    public static YearMonth parse(String month) {
        YearMonth given = RequestValues.month(month);
        return given != null ? given : YearMonth.from(EngineClock.now());
    }
}
