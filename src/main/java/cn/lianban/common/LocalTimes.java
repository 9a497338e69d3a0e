package cn.lianban.common;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** Dates as people here write them: {@code 2026-12-10 18:00}, Beijing time. */
public final class LocalTimes {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngineClock.ZONE);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(EngineClock.ZONE);

    public static String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    /** {@code 2026-12-10 18:00:05}, where seconds count (a login blocked for a few seconds). */
    public static String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at);
    }

    public static String minutes(Date at) {
        return at == null ? "" : minutes(at.toInstant());
    }

    private LocalTimes() {
    }
}
