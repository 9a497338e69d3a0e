package cn.lianban.venue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;

import cn.lianban.common.BadRequest;
import cn.lianban.common.EngineClock;

/** Text inputs of the venue API and pages, parsed with a 400 naming the field when they do not parse. */
final class VenueInputs {

    private VenueInputs() {
    }

    /** A day, {@code 2026-12-01}; blank means today (Beijing time). */
    static LocalDate day(String value) {
        return parse(value, LocalDate::parse, () -> EngineClock.now().toLocalDate(), "bad_date",
                "date（日期）须为 YYYY-MM-DD，如 2026-12-01");
    }

    /** A month, {@code 2026-11}; blank means this month. */
    static YearMonth month(String value) {
        return parse(value, YearMonth::parse, () -> YearMonth.from(EngineClock.now()), "bad_month",
                "month（月份）须为 YYYY-MM，如 2026-11");
    }

    /**
     * An ISO local date-time in Beijing time ({@code 2026-12-01T09:00}); one with an offset is converted to
     * Beijing time. Blank gives null.
     */
    static LocalDateTime dateTime(String value, String key, String label) {
        return parse(value, VenueInputs::beijing, () -> null, "bad_" + key,
                key + "（" + label + "）须为北京时间的 ISO 日期时间，如 2026-12-01T09:00");
    }

    private static LocalDateTime beijing(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).atZoneSameInstant(EngineClock.ZONE).toLocalDateTime();
        }
    }

    private static <T> T parse(String value, Function<String, T> parser, Supplier<T> blank, String code,
                               String message) {
        if (value == null || value.isBlank()) {
            return blank.get();
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(code, message + "（收到 " + value + "）");
        }
    }
}
