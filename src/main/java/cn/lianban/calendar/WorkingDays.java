package cn.lianban.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The calendar arithmetic over a fixed set of special days. Kept apart from Spring and JDBC so it can be
 * tested with a plain list; immutable, so the service can swap in a fresh instance after an edit without locking.
 */
final class WorkingDays {

    private static final int NAME_MAX = 64;
    private static final int SOURCE_MAX = 255;

    private final Map<LocalDate, String> kindByDate;

    WorkingDays(Collection<CalendarDay> days) {
        Map<LocalDate, String> map = new HashMap<>();
        for (CalendarDay day : days) {
            map.put(day.date(), day.kind());
        }
        this.kindByDate = Map.copyOf(map);
    }

    boolean isWorkingDay(LocalDate date) {
        String kind = kindByDate.get(date);
        if (kind != null) {
            return CalendarDay.WORKDAY.equals(kind);
        }
        // years nobody has entered yet fall back to the plain weekday rule
        return !isWeekend(date);
    }

    LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("working days must be at least 1, was " + n);
        }
        LocalDate date = from;
        int left = n;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    LocalDate previousWorkingDay(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    ZonedDateTime dueAt(ZonedDateTime filedAt, int workingDays) {
        // the filing date is the date in China, whatever zone the caller's timestamp is in
        LocalDate filed = filedAt.withZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
        return addWorkingDays(filed, workingDays).atTime(WorkingCalendar.END_OF_WORKING_DAY).atZone(WorkingCalendar.ZONE);
    }

    ZonedDateTime reminderAt(ZonedDateTime due) {
        LocalDate dueDate = due.withZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
        return previousWorkingDay(dueDate).atTime(WorkingCalendar.REMINDER_TIME).atZone(WorkingCalendar.ZONE);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    /**
     * Checks a day entered by the administrator and returns it with name and source trimmed.
     * Messages are Chinese and name the form field, since they are shown on the admin page as they are.
     */
    static CalendarDay validated(CalendarDay day) {
        if (day == null || day.date() == null) {
            throw new IllegalArgumentException("日期（date）不能为空");
        }
        String kind = day.kind() == null ? "" : day.kind().trim();
        if (!CalendarDay.HOLIDAY.equals(kind) && !CalendarDay.WORKDAY.equals(kind)) {
            throw new IllegalArgumentException("类型（kind）必须是 HOLIDAY（放假）或 WORKDAY（调休上班）");
        }
        String name = required(day.name(), "名称（name）", NAME_MAX);
        String source = required(day.source(), "依据（source）", SOURCE_MAX);
        boolean weekend = isWeekend(day.date());
        if (CalendarDay.WORKDAY.equals(kind) && !weekend) {
            throw new IllegalArgumentException("日期（date）" + day.date() + " 是" + weekdayName(day.date())
                    + "：调休上班日（WORKDAY）只能是周六或周日，工作日本来就上班");
        }
        if (CalendarDay.HOLIDAY.equals(kind) && weekend) {
            throw new IllegalArgumentException("日期（date）" + day.date() + " 是" + weekdayName(day.date())
                    + "：放假日（HOLIDAY）只能是周一至周五，周末本来就休息");
        }
        return new CalendarDay(day.date(), kind, name, source);
    }

    private static String required(String value, String field, int max) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(field + "不能为空");
        }
        if (trimmed.length() > max) {
            throw new IllegalArgumentException(field + "不能超过 " + max + " 个字");
        }
        return trimmed;
    }

    static String weekdayName(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case MONDAY -> "周一";
            case TUESDAY -> "周二";
            case WEDNESDAY -> "周三";
            case THURSDAY -> "周四";
            case FRIDAY -> "周五";
            case SATURDAY -> "周六";
            case SUNDAY -> "周日";
        };
    }
}
