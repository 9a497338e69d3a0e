package cn.lianban.venue;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.EngineClock;
import cn.lianban.common.ProcessVariables;

/**
 * The variables of process {@code venue-booking}: the booking as the managers' card, form and mail show it, the
 * managers' decision, and the booker's SMS text. The process has no status of its own: the booking's status is
 * its row's ({@link BookingStatus}).
 */
final class VenueBookingVariables extends ProcessVariables {

    private static final String BOOKING_CODE = "bookingCode";
    private static final String CASE_NO = "caseNo";
    private static final String FILED_LABEL = "filedLabel";
    private static final String VENUE_CODE = "venueCode";
    private static final String VENUE_NAME = "venueName";
    private static final String MANAGER_GROUP = "managerGroup";
    private static final String PERIOD = "period";
    private static final String START_AT = "startAt";
    private static final String BOOKER_NAME = "bookerName";
    private static final String PHONE = "phone";
    private static final String PURPOSE = "purpose";
    private static final String APPROVED = "approved";
    private static final String COMMENT = "comment";
    private static final String NOTICE = "notice";

    VenueBookingVariables(VariableScope scope) {
        super(scope);
    }

    /**
     * The start variables of a booking's approval: what Tasklist's cards and the approval form show (its number
     * and when it was made, the venue and hours, the booker), whom to ask, and when the question lapses.
     */
    static Map<String, Object> of(Booking booking, Venue venue) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put(BOOKING_CODE, booking.code());
        v.put(CASE_NO, booking.code());
        v.put(FILED_LABEL, Booking.DAY_AND_TIME.format(booking.createdAt()));
        v.put(VENUE_CODE, venue.code());
        v.put(VENUE_NAME, venue.name());
        v.put(MANAGER_GROUP, venue.managerGroup());
        v.put(PERIOD, booking.period());
        v.put(START_AT, Date.from(booking.start().atZone(EngineClock.ZONE).toInstant()));
        v.put(BOOKER_NAME, booking.name());
        v.put(PHONE, booking.phone());
        v.put(PURPOSE, booking.purpose());
        return v;
    }

    /** What the managers' mail says of the booking. */
    PendingBooking pendingBooking() {
        return new PendingBooking(text(VENUE_NAME), text(PERIOD), text(BOOKER_NAME), text(PHONE), text(PURPOSE),
                text(MANAGER_GROUP));
    }

    /** The managers' decision; null while there is none (or the form gave none). */
    Boolean approved() {
        return raw(APPROVED) instanceof Boolean approved ? approved : null;
    }

    String comment() {
        return text(COMMENT);
    }

    void setComment(String comment) {
        set(COMMENT, comment);
    }

    /** Undecided when the booking began: recorded as a "no" with the reason the booker is told. */
    void setLapsed(String comment) {
        set(APPROVED, false);
        set(COMMENT, comment);
    }

    void setNotice(String notice) {
        set(NOTICE, notice);
    }

    /** A booking waiting for the managers of {@code managerGroup}, as their mail shows it. */
    record PendingBooking(String venueName, String period, String bookerName, String phone, String purpose,
                          String managerGroup) {
    }
}
