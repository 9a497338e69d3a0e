package cn.lianban.venue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes bookings and the hours they hold (Flyway V8). Callers bring the transaction: a booking
 * and its hours are written together, and a taken hour fails the whole write.
 */
@Repository
class BookingRepository {

    /** A booking's columns under the names of {@link Booking}'s components ("end" is a keyword, hence quoted). */
    private static final String SELECT = "SELECT code, venue_code, start_at AS start, end_at AS \"end\", name, phone,"
            + " status, purpose, created_at, notice FROM booking";

    private final JdbcClient jdbc;

    BookingRepository(JdbcTemplate jdbc) {
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * Stores the booking and one booking_slot row per hour, in ascending order (so that concurrent writers
     * lock in the same order and never deadlock).
     *
     * @throws org.springframework.dao.DuplicateKeyException when an hour is held already
     */
    public void insert(Booking b) {
        jdbc.sql("INSERT INTO booking(code, venue_code, start_at, end_at, name, phone, status, purpose, created_at,"
                        + " notice) VALUES (?,?,?,?,?,?,?,?,?,?)")
                .params(b.code(), b.venueCode(), b.start(), b.end(), b.name(), b.phone(), b.status().name(),
                        b.purpose(), b.createdAt(), b.notice())
                .update();
        for (LocalDateTime hour : b.hourStarts()) {
            jdbc.sql("INSERT INTO booking_slot(venue_code, slot_start, booking_code) VALUES (?,?,?)")
                    .params(b.venueCode(), hour, b.code()).update();
        }
    }

    public Optional<Booking> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(Booking.class).optional();
    }

    public boolean exists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM booking WHERE code = ?").param(code).query(Integer.class).single() > 0;
    }

    /** Hours of the venue held by bookings, from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<LocalDateTime> heldHours(String venueCode, LocalDateTime from, LocalDateTime to) {
        return jdbc.sql("SELECT slot_start FROM booking_slot WHERE venue_code = ? AND slot_start >= ?"
                + " AND slot_start < ? ORDER BY slot_start").params(venueCode, from, to).query(LocalDateTime.class).list();
    }

    /**
     * Moves the booking to {@code to} if it is in {@code from} now; when {@code to} holds no hours, its hours
     * are freed in the same step.
     *
     * @return whether the booking was in {@code from}
     */
    public boolean changeStatus(String code, BookingStatus from, BookingStatus to) {
        boolean changed = jdbc.sql("UPDATE booking SET status = ? WHERE code = ? AND status = ?")
                .params(to.name(), code, from.name()).update() == 1;
        if (changed && !to.holdsHours()) {
            jdbc.sql("DELETE FROM booking_slot WHERE booking_code = ?").param(code).update();
        }
        return changed;
    }

    public void setNotice(String code, String notice) {
        jdbc.sql("UPDATE booking SET notice = ? WHERE code = ?").params(notice, code).update();
    }

    /** Bookings in a status whose start lies in [from, to), of one venue or (venueCode null) all, by venue and start. */
    public List<Booking> starting(BookingStatus status, String venueCode, LocalDateTime from, LocalDateTime to) {
        String sql = SELECT + " WHERE status = ? AND start_at >= ? AND start_at < ?";
        return venueCode == null
                ? jdbc.sql(sql + " ORDER BY venue_code, start_at").params(status.name(), from, to)
                        .query(Booking.class).list()
                : jdbc.sql(sql + " AND venue_code = ? ORDER BY start_at").params(status.name(), from, to, venueCode)
                        .query(Booking.class).list();
    }
}
