package cn.lianban.venue;

import java.time.LocalDateTime;

/**
 * What a booker asks for: a venue for whole hours of one day (Beijing time), with a name and a Chinese mobile
 * number to reach them; {@code purpose} is optional.
 */
public record BookingRequest(String venueCode, LocalDateTime start, LocalDateTime end, String name, String phone,
                             String purpose) {

    public BookingRequest(String venueCode, LocalDateTime start, LocalDateTime end, String name, String phone) {
        this(venueCode, start, end, name, phone, null);
    }
}
