package cn.lianban.open311;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.lianban.common.EngineClock;

/** Small helpers for building answers: ordered maps and GeoReport's date format. */
final class Open311Views {

    /** W3C date-time with offset and whole seconds, in Beijing time: {@code 2026-11-28T09:30:00+08:00}. */
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Open311Views() {
    }

    /** An ordered map of name/value pairs; values may be null. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String date(Instant instant) {
        return instant == null ? null : W3C.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(EngineClock.ZONE));
    }
}
