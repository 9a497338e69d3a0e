package cn.lianban.common;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads optional query values of pages and JSON endpoints; a value that cannot be read is a {@link BadRequest}. */
public final class RequestValues {

    private RequestValues() {
    }

    /** A month written {@code YYYY-MM}; null or blank gives null. */
    public static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("bad_month", "month 须为 YYYY-MM 格式的月份，如 2026-11");
        }
    }

    /**
     * The constant of {@code type} named by {@code text}, ignoring case; null or blank gives {@code fallback}.
     * An unknown name is answered with {@code code} and {@code message}.
     */
    public static <E extends Enum<E>> E choice(Class<E> type, String text, E fallback, String code, String message) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(code, message);
        }
    }
}
