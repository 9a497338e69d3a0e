package cn.lianban.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Chinese working days for time limits: weekends and public holidays off, adjusted weekends (调休) worked.
 * The special days live in table {@code calendar_day}; the table is small and read on every deadline,
 * so it is held in memory and reloaded after each edit made through this service.
 */
@Service
public class WorkingCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A deadline runs to the end of office hours on its day. */
    public static final LocalTime END_OF_WORKING_DAY = LocalTime.of(18, 0);
    /** Reminders go out at the start of the working day before the deadline. */
    public static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private final JdbcClient jdbc;
    // one immutable snapshot, swapped as a whole so readers never see days and rules out of step;
    // loaded lazily so that building the bean never races the schema migration
    private volatile Snapshot snapshot;

    private record Snapshot(List<CalendarDay> days, WorkingDays rules) {
    }

    public WorkingCalendar(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    public boolean isWorkingDay(LocalDate date) {
        return snapshot().rules().isWorkingDay(date);
    }

    /** The n-th working day after {@code from}; {@code from} itself is not counted. n must be at least 1. */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        return snapshot().rules().addWorkingDays(from, n);
    }

    /** The latest working day strictly before {@code date}. */
    public LocalDate previousWorkingDay(LocalDate date) {
        return snapshot().rules().previousWorkingDay(date);
    }

    /** 18:00 China time on the day {@code workingDays} working days after the filing date (in China). */
    public ZonedDateTime dueAt(ZonedDateTime filedAt, int workingDays) {
        return snapshot().rules().dueAt(filedAt, workingDays);
    }

    /** 09:00 China time on the working day before the due date. */
    public ZonedDateTime reminderAt(ZonedDateTime due) {
        return snapshot().rules().reminderAt(due);
    }

    /** The special days of one year, in date order. */
    List<CalendarDay> days(int year) {
        return snapshot().days().stream()
                .filter(d -> d.date().getYear() == year)
                .sorted(Comparator.comparing(CalendarDay::date))
                .toList();
    }

    /** Adds or replaces the entry for the day's date. Throws IllegalArgumentException (Chinese message) if invalid. */
    void save(CalendarDay day) {
        CalendarDay d = WorkingDays.validated(day);
        // update-then-insert instead of MERGE/ON CONFLICT: plain SQL that H2 and PostgreSQL treat the same
        int updated = jdbc.sql("UPDATE calendar_day SET kind = ?, name = ?, source = ? WHERE cal_date = ?")
                .params(d.kind(), d.name(), d.source(), d.date()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO calendar_day (cal_date, kind, name, source) VALUES (?, ?, ?, ?)")
                    .params(d.date(), d.kind(), d.name(), d.source()).update();
        }
        reload();
    }

    /** Removes the entry for the date, if any; the date then follows the weekday rule again. */
    void delete(LocalDate date) {
        jdbc.sql("DELETE FROM calendar_day WHERE cal_date = ?").param(date).update();
        reload();
    }

    /** Re-reads the table, e.g. after it was changed outside this service. */
    public synchronized void reload() {
        List<CalendarDay> days = jdbc.sql("SELECT cal_date AS date, kind, name, source FROM calendar_day")
                .query(CalendarDay.class).list();
        snapshot = new Snapshot(List.copyOf(days), new WorkingDays(days));
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            reload();
            s = snapshot;
        }
        return s;
    }
}
