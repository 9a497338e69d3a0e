package cn.lianban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Calendar arithmetic without Spring or a database. The 2026 days are written out here independently
 * of V2__calendar.sql (国办发明电〔2025〕7号), so a slip in either shows up when the JDBC test compares them.
 *
 * Weekdays used below: 2025-12-31 Wed; 2026-01-01 Thu; 2026-02-13 Fri, 02-14 Sat, 02-24 Tue;
 * 2026-09-18 Fri, 09-20 Sun, 09-28 Mon, 09-30 Wed, 10-08 Thu, 10-10 Sat, 10-12 Mon.
 */
class WorkingCalendarLogicTest {

    private static final String SRC = "国办发明电〔2025〕7号";

    private final WorkingDays cal = new WorkingDays(days2026());

    private static List<CalendarDay> days2026() {
        List<CalendarDay> days = new ArrayList<>();
        holidays(days, "元旦", "2026-01-01", "2026-01-02");
        workday(days, "元旦调休上班", "2026-01-04");
        workday(days, "春节调休上班", "2026-02-14");
        holidays(days, "春节", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23");
        workday(days, "春节调休上班", "2026-02-28");
        holidays(days, "清明节", "2026-04-06");
        holidays(days, "劳动节", "2026-05-01", "2026-05-04", "2026-05-05");
        workday(days, "劳动节调休上班", "2026-05-09");
        holidays(days, "端午节", "2026-06-19");
        workday(days, "国庆节调休上班", "2026-09-20");
        holidays(days, "中秋节", "2026-09-25");
        holidays(days, "国庆节", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07");
        workday(days, "国庆节调休上班", "2026-10-10");
        return days;
    }

    private static void holidays(List<CalendarDay> days, String name, String... dates) {
        for (String d : dates) {
            days.add(new CalendarDay(LocalDate.parse(d), CalendarDay.HOLIDAY, name, SRC));
        }
    }

    private static void workday(List<CalendarDay> days, String name, String date) {
        days.add(new CalendarDay(LocalDate.parse(date), CalendarDay.WORKDAY, name, SRC));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static ZonedDateTime shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE);
    }

    @Test
    void weekdayRuleWithOverrides() {
        assertThat(cal.isWorkingDay(d("2026-02-13"))).as("ordinary Friday").isTrue();
        assertThat(cal.isWorkingDay(d("2026-02-14"))).as("Saturday worked for 春节").isTrue();
        assertThat(cal.isWorkingDay(d("2026-02-16"))).as("春节 Monday").isFalse();
        assertThat(cal.isWorkingDay(d("2026-02-21"))).as("Saturday inside the break, not listed").isFalse();
        assertThat(cal.isWorkingDay(d("2026-03-07"))).as("ordinary Saturday").isFalse();
        assertThat(cal.isWorkingDay(d("2028-03-06"))).as("Monday of a year nobody entered").isTrue();
    }

    @Test
    void springFestival2026() {
        // filed Fri 02-13: +1 = Sat 02-14 (调休上班); 02-15 Sun, 02-16..20 holiday, 02-21/22 weekend,
        // 02-23 Mon holiday; so +2 = Tue 02-24, +3 = Wed 02-25
        assertThat(cal.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(cal.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(cal.addWorkingDays(d("2026-02-13"), 3)).isEqualTo(d("2026-02-25"));
        // continuing: 02-26 Thu (4), 02-27 Fri (5), 02-28 Sat worked (6), 03-01 Sun off, 03-02 Mon (7)
        assertThat(cal.addWorkingDays(d("2026-02-13"), 6)).isEqualTo(d("2026-02-28"));
        assertThat(cal.addWorkingDays(d("2026-02-13"), 7)).isEqualTo(d("2026-03-02"));
    }

    @Test
    void newYear2026() {
        // filed Wed 2025-12-31: 01-01 Thu and 01-02 Fri holiday, 01-03 Sat off, 01-04 Sun worked -> +1 = 01-04
        assertThat(cal.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        // then 01-05 Mon
        assertThat(cal.addWorkingDays(d("2025-12-31"), 2)).isEqualTo(d("2026-01-05"));
    }

    @Test
    void nationalDay2026WithAdjustedWeekends() {
        assertThat(cal.isWorkingDay(d("2026-09-20"))).as("Sunday worked").isTrue();
        assertThat(cal.isWorkingDay(d("2026-10-10"))).as("Saturday worked").isTrue();
        // filed Fri 09-18: 09-19 Sat off, 09-20 Sun worked -> +1 = 09-20, +2 = Mon 09-21
        assertThat(cal.addWorkingDays(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
        assertThat(cal.addWorkingDays(d("2026-09-18"), 2)).isEqualTo(d("2026-09-21"));
        // filed Wed 09-30: 10-01..07 off (10-03/04 weekend) -> 10-08 Thu (1), 10-09 Fri (2),
        // 10-10 Sat worked (3), 10-11 Sun off, 10-12 Mon (4)
        assertThat(cal.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(cal.addWorkingDays(d("2026-09-30"), 3)).isEqualTo(d("2026-10-10"));
        assertThat(cal.addWorkingDays(d("2026-09-30"), 4)).isEqualTo(d("2026-10-12"));
        // a YELLOW case (7 working days) filed Mon 09-28: 09-29 (1), 09-30 (2), 10-08 (3), 10-09 (4),
        // 10-10 (5), 10-12 (6), 10-13 Tue (7)
        assertThat(cal.addWorkingDays(d("2026-09-28"), 7)).isEqualTo(d("2026-10-13"));
    }

    @Test
    void previousWorkingDayJumpsOverHolidays() {
        // before Thu 10-08: 10-01..07 all off, 09-30 Wed works
        assertThat(cal.previousWorkingDay(d("2026-10-08"))).isEqualTo(d("2026-09-30"));
        // before Tue 02-24: 02-15..23 all off, Sat 02-14 is worked
        assertThat(cal.previousWorkingDay(d("2026-02-24"))).isEqualTo(d("2026-02-14"));
        // before Mon 01-05: Sun 01-04 is worked
        assertThat(cal.previousWorkingDay(d("2026-01-05"))).isEqualTo(d("2026-01-04"));
        // strictly before: a working day does not return itself (Wed 02-25 -> Tue 02-24)
        assertThat(cal.previousWorkingDay(d("2026-02-25"))).isEqualTo(d("2026-02-24"));
    }

    @Test
    void dueAtIsSixPmChinaTime() {
        // filed Fri 02-13 10:00 in Shanghai, 3 working days -> Wed 02-25 (see springFestival2026) at 18:00
        assertThat(cal.dueAt(shanghai("2026-02-13T10:00"), 3)).isEqualTo(shanghai("2026-02-25T18:00"));
        // 2026-02-12 20:00 UTC is already 02-13 04:00 in Shanghai, so the filing date is 02-13 as well
        ZonedDateTime utc = ZonedDateTime.of(2026, 2, 12, 20, 0, 0, 0, ZoneOffset.UTC);
        assertThat(cal.dueAt(utc, 3)).isEqualTo(shanghai("2026-02-25T18:00"));
        assertThat(cal.dueAt(utc, 3).getZone()).isEqualTo(WorkingCalendar.ZONE);
    }

    @Test
    void reminderAtIsNineAmTheWorkingDayBefore() {
        // due Wed 02-25 18:00 -> Tue 02-24 09:00
        assertThat(cal.reminderAt(shanghai("2026-02-25T18:00"))).isEqualTo(shanghai("2026-02-24T09:00"));
        // due Tue 02-24 18:00 -> the working day before is Sat 02-14 (调休), across the whole break
        assertThat(cal.reminderAt(shanghai("2026-02-24T18:00"))).isEqualTo(shanghai("2026-02-14T09:00"));
        // due Thu 10-08 18:00 -> Wed 09-30 09:00
        assertThat(cal.reminderAt(shanghai("2026-10-08T18:00"))).isEqualTo(shanghai("2026-09-30T09:00"));
    }

    @Test
    void atLeastOneWorkingDay() {
        assertThatThrownBy(() -> cal.addWorkingDays(d("2026-02-13"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminValidationMessagesNameTheField() {
        LocalDate monday = d("2026-02-16");
        LocalDate saturday = d("2026-02-14");
        assertThatThrownBy(() -> WorkingDays.validated(new CalendarDay(monday, CalendarDay.WORKDAY, "调休", SRC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("日期").hasMessageContaining("周一").hasMessageContaining("周六或周日");
        assertThatThrownBy(() -> WorkingDays.validated(new CalendarDay(saturday, CalendarDay.HOLIDAY, "春节", SRC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("日期").hasMessageContaining("周六").hasMessageContaining("周一至周五");
        assertThatThrownBy(() -> WorkingDays.validated(new CalendarDay(monday, "VACATION", "春节", SRC)))
                .hasMessageContaining("类型");
        assertThatThrownBy(() -> WorkingDays.validated(new CalendarDay(monday, CalendarDay.HOLIDAY, "  ", SRC)))
                .hasMessageContaining("名称");
        assertThatThrownBy(() -> WorkingDays.validated(new CalendarDay(monday, CalendarDay.HOLIDAY, "春节", null)))
                .hasMessageContaining("依据");
        assertThatThrownBy(() -> WorkingDays.validated(new CalendarDay(null, CalendarDay.HOLIDAY, "春节", SRC)))
                .hasMessageContaining("日期");
        assertThatThrownBy(() -> WorkingDays.validated(new CalendarDay(monday, CalendarDay.HOLIDAY, "春".repeat(65), SRC)))
                .hasMessageContaining("名称");
        // valid input comes back trimmed
        assertThat(WorkingDays.validated(new CalendarDay(saturday, " WORKDAY ", " 春节调休上班 ", " " + SRC + " ")))
                .isEqualTo(new CalendarDay(saturday, CalendarDay.WORKDAY, "春节调休上班", SRC));
    }

    /** Exposed for the JDBC test, which checks the migration holds exactly these 2026 days. */
    static List<CalendarDay> expected2026() {
        return days2026();
    }
}
