package cn.lianban.venue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A booking of a venue for whole hours (Beijing time).
 *
 * @param code   {@code B-<yyyymmdd of the day booked>-<6 characters>}
 * @param notice the last SMS text sent to the booker (confirmed, approved, refused, cancelled), else null
 */
public record Booking(String code, String venueCode, LocalDateTime start, LocalDateTime end, String name,
                      String phone, BookingStatus status, String purpose, LocalDateTime createdAt, String notice) {

    static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    Booking withNotice(String text) {
        return new Booking(code, venueCode, start, end, name, phone, status, purpose, createdAt, text);
    }

    public int hours() {
        return (int) Duration.between(start, end).toHours();
    }

    /** The start of every hour booked. */
    public List<LocalDateTime> hourStarts() {
        List<LocalDateTime> hours = new ArrayList<>();
        for (LocalDateTime h = start; h.isBefore(end); h = h.plusHours(1)) {
            hours.add(h);
        }
        return hours;
    }

    /** 2026-12-01 09:00–11:00 */
    public String period() {
        return period(start, end);
    }

    static String period(LocalDateTime start, LocalDateTime end) {
        return DAY_AND_TIME.format(start) + "–" + TIME.format(end);
    }

    /** 138****5678 */
    public String maskedPhone() {
        return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : phone;
    }
}
