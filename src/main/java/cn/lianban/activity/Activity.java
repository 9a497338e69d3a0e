package cn.lianban.activity;

import java.time.LocalDateTime;

/**
 * An activity as residents and units see it, with the number of confirmed and waitlisted sign-ups.
 * Times are Beijing local time.
 */
record Activity(long id, String title, String description, String venueCode, String venueName,
                       String unitGroup, LocalDateTime startsAt, LocalDateTime endsAt, int capacity, Status status,
                       int confirmed, int waitlisted) {

    public enum Status {
        PUBLISHED, CANCELLED
    }

    /** Places still free; 0 when the activity is full (new sign-ups go to the waiting list). */
    public int placesLeft() {
        return Math.max(0, capacity - confirmed);
    }
}
