package cn.lianban.notify;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * How texts to residents write what they carry: times as people here say them (no ISO), and free text from
 * staff or organisers (a refusal's reason, an activity's title) shortened, with numbers that could be a phone or
 * an identity card masked, so that no other person's number travels in a message.
 */
public final class SmsTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Seven or more digits, spaces or dashes between them allowed (138 0013 8000, an ID card's 18 characters). */
    private static final String LONG_NUMBER = "\\d(?:[\\s-]?\\d){6,}[Xx]?";

    private SmsTexts() {
    }

    /** {@code 12月3日 14:00–16:00}; the end's day is left out (a booking or an activity lies within one day). */
    public static String period(LocalDateTime start, LocalDateTime end) {
        return DAY.format(start) + " " + TIME.format(start) + "–" + TIME.format(end);
    }

    /**
     * The text cut to {@code max} characters (code points, as people count them) with "…", long numbers as
     * {@code ***}; null for blank text.
     */
    public static String excerpt(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String masked = text.strip().replaceAll("\\s+", " ").replaceAll(LONG_NUMBER, "***");
        return masked.codePointCount(0, masked.length()) <= max ? masked
                : masked.substring(0, masked.offsetByCodePoints(0, max)) + "…";
    }
}
