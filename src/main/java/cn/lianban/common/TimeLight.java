package cn.lianban.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.function.Predicate;

/**
 * 时效灯 (DOMAIN.md): green while on track, yellow when 20 % or less of the time is left, red once
 * overdue. Kept apart from the rating colour, which never changes once confirmed. Limits are set in working days,
 * so the time is counted on working days ({@link #of(Instant, Instant, Instant, Predicate)}): a holiday uses none of
 * it, and a case does not turn yellow over the 劳动节 break.
 */
public enum TimeLight {
    GREEN("正常"), YELLOW("临期"), RED("逾期");

    private final String label;

    TimeLight(String label) {
        this.label = label;
    }

    /** Chinese word for cards and pages. */
    public String label() {
        return label;
    }

    /** The light of a clock that started at {@code start} and runs out at {@code due}, seen at {@code now}. */
    public static TimeLight of(Instant start, Instant due, Instant now) {
        return of(start, due, now, day -> true);
    }

    /**
     * The light counting only the time on working days ({@code workingDay}, days in Beijing): the share left is the
     * working time from now to the due time over the working time from start to it. A clock with no working time at
     * all (started and due within a holiday) counts all its time.
     */
    public static TimeLight of(Instant start, Instant due, Instant now, Predicate<LocalDate> workingDay) {
        if (!now.isBefore(due)) {
            return RED;
        }
        long total = workingMillis(start, due, workingDay);
        long left = workingMillis(now, due, workingDay);
        if (total <= 0) {
            total = Duration.between(start, due).toMillis();
            left = Duration.between(now, due).toMillis();
        }
        return left * 5 <= Math.max(1, total) ? YELLOW : GREEN;
    }

    private static long workingMillis(Instant from, Instant to, Predicate<LocalDate> workingDay) {
        long millis = 0;
        ZonedDateTime end = to.atZone(EngineClock.ZONE);
        for (ZonedDateTime t = from.atZone(EngineClock.ZONE); t.isBefore(end); ) {
            ZonedDateTime midnight = t.toLocalDate().plusDays(1).atStartOfDay(EngineClock.ZONE);
            ZonedDateTime next = midnight.isBefore(end) ? midnight : end;
            if (workingDay.test(t.toLocalDate())) {
                millis += Duration.between(t, next).toMillis();
            }
            t = next;
        }
        return millis;
    }
}
