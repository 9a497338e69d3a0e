package cn.lianban.common;

import java.time.Duration;
import java.time.Instant;

/**
 * 时效灯 (DOMAIN.md): green while on track, yellow when 20 % or less of the time is left, red once
 * overdue. Kept apart from the rating colour, which never changes once confirmed.
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
        if (!now.isBefore(due)) {
            return RED;
        }
        long total = Math.max(1, Duration.between(start, due).toMillis());
        long left = Duration.between(now, due).toMillis();
        return left * 5 <= total ? YELLOW : GREEN;
    }
}
