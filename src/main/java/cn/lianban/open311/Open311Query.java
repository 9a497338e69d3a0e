package cn.lianban.open311;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;

import cn.lianban.common.EngineClock;

/**
 * The filters of GET requests. {@code service_request_id} (comma list) overrides all others. Otherwise requests
 * made between {@code start_date} and {@code end_date}, at most 90 days apart (a missing end is 90 days after the
 * start, or now; a missing start 90 days before the end), of the {@code service_code}s and {@code status}es given
 * (comma lists; none means all); at most 1000, newest first.
 */
record Open311Query(Set<String> serviceRequestIds, Set<String> serviceCodes, Set<String> statuses, Instant from,
                    Instant to) {

    static final int MAX_REQUESTS = 1000;
    static final Duration MAX_SPAN = Duration.ofDays(90);
    private static final Set<String> STATUSES = Set.of("open", "closed");

    static Open311Query of(Open311Form form) {
        Set<String> ids = list(form.get("service_request_id"));
        Set<String> codes = list(form.get("service_code"));
        Set<String> statuses = new LinkedHashSet<>();
        for (String s : list(form.get("status"))) {
            String status = s.toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "status 只能是 open 或 closed（可用逗号分隔多个）：" + s);
            }
            statuses.add(status);
        }
        Instant start = date(form, "start_date", false);
        Instant end = date(form, "end_date", true);
        if (start == null && end == null) {
            end = EngineClock.now().toInstant();
        }
        if (start == null) {
            start = end.minus(MAX_SPAN);
        } else if (end == null) {
            end = start.plus(MAX_SPAN);
        }
        if (start.isAfter(end)) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date 不能晚于 end_date");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date 到 end_date 不能超过 90 天");
        }
        return new Open311Query(ids, codes, statuses, start, end);
    }

    private static Set<String> list(String text) {
        if (text == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList());
    }

    /**
     * A W3C date-time with its offset ({@code 2026-11-28T09:30:00+08:00}, {@code 2026-11-28T01:30:00Z}), or a
     * date alone, which means that day in Beijing time: its start, or for an end date its end.
     */
    private static Instant date(Open311Form form, String field, boolean endOfDay) {
        String text = form.get(field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notADateTime) {
            try {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(EngineClock.ZONE).toInstant().minusNanos(1000)
                        : day.atStartOfDay(EngineClock.ZONE).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, field
                        + " 须为带时区的 W3C 日期时间，如 2026-11-28T09:30:00+08:00 或 2026-11-28T01:30:00Z：" + text);
            }
        }
    }
}
