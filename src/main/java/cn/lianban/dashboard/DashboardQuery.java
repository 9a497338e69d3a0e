package cn.lianban.dashboard;

import java.time.YearMonth;

import jakarta.validation.constraints.Pattern;

import cn.lianban.common.Months;

/**
 * What the dashboard, its JSON and its exports are asked for: {@code month=YYYY-MM} (this month when not given) and
 * at most one unit, {@code street}, {@code area} or {@code community} ({@link DashboardScope} checks it is the user's).
 */
record DashboardQuery(
        @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "month 须为 YYYY-MM 格式的月份，如 2026-11") String month,
        String street, String area, String community) {

    DashboardQuery {
        month = month == null || month.isBlank() ? null : month.strip();
    }

    YearMonth yearMonth() {
        return Months.parse(month);
    }

    /** The same units in this month, for the page shown again after a bad month. */
    DashboardQuery thisMonth() {
        return new DashboardQuery(null, street, area, community);
    }
}
