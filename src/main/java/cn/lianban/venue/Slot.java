package cn.lianban.venue;

import java.time.LocalDateTime;

/**
 * One bookable hour of a venue.
 *
 * @param taken held by an active or pending booking
 * @param past  already begun, so no longer bookable
 */
public record Slot(LocalDateTime start, LocalDateTime end, boolean taken, boolean past) {

    public boolean free() {
        return !taken && !past;
    }
}
