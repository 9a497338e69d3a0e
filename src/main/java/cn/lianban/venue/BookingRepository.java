package cn.lianban.venue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes bookings and the hours they hold (Flyway V8). Callers bring the transaction: a booking
 * and its hours are written together, and a taken hour fails the whole write.
 */
@Repository
class BookingRepository {

    private static final RowMapper<Booking> BOOKING = (rs, i) -> new Booking(rs.getString("code"),
            rs.getString("venue_code"), rs.getObject("start_at", LocalDateTime.class),
            rs.getObject("end_at", LocalDateTime.class), rs.getString("name"), rs.getString("phone"),
            BookingStatus.valueOf(rs.getString("status")), rs.getString("purpose"),
            rs.getObject("created_at", LocalDateTime.class), rs.getString("notice"));

    private final JdbcTemplate jdbc;

    public BookingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the booking and one booking_slot row per hour, in ascending order (so that concurrent writers
     * lock in the same order and never deadlock).
     *
     * @throws org.springframework.dao.DuplicateKeyException when an hour is held already
     */
    public void insert(Booking b) {
        jdbc.update("INSERT INTO booking(code, venue_code, start_at, end_at, name, phone, status, purpose, created_at,"
                        + " notice) VALUES (?,?,?,?,?,?,?,?,?,?)", b.code(), b.venueCode(), b.start(), b.end(), b.name(),
                b.phone(), b.status().name(), b.purpose(), b.createdAt(), b.notice());
        for (LocalDateTime hour : b.hourStarts()) {
            jdbc.update("INSERT INTO booking_slot(venue_code, slot_start, booking_code) VALUES (?,?,?)",
                    b.venueCode(), hour, b.code());
        }
    }

    public Optional<Booking> find(String code) {
        return jdbc.query("SELECT * FROM booking WHERE code = ?", BOOKING, code).stream().findFirst();
    }

    public boolean exists(String code) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE code = ?", Integer.class, code) > 0;
    }

    /** Hours of the venue held by bookings, from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<LocalDateTime> heldHours(String venueCode, LocalDateTime from, LocalDateTime to) {
        return jdbc.queryForList("SELECT slot_start FROM booking_slot WHERE venue_code = ? AND slot_start >= ?"
                + " AND slot_start < ? ORDER BY slot_start", LocalDateTime.class, venueCode, from, to);
    }

    /**
     * Moves the booking to {@code to} if it is in {@code from} now; when {@code to} holds no hours, its hours
     * are freed in the same step.
     *
     * @return whether the booking was in {@code from}
     */
    public boolean changeStatus(String code, BookingStatus from, BookingStatus to) {
        boolean changed = jdbc.update("UPDATE booking SET status = ? WHERE code = ? AND status = ?", to.name(), code,
                from.name()) == 1;
        if (changed && !to.holdsHours()) {
            jdbc.update("DELETE FROM booking_slot WHERE booking_code = ?", code);
        }
        return changed;
    }

    public void setNotice(String code, String notice) {
        jdbc.update("UPDATE booking SET notice = ? WHERE code = ?", notice, code);
    }

    /** Bookings in a status whose start lies in [from, to), of one venue or (venueCode null) all, by venue and start. */
    public List<Booking> starting(BookingStatus status, String venueCode, LocalDateTime from, LocalDateTime to) {
        String sql = "SELECT * FROM booking WHERE status = ? AND start_at >= ? AND start_at < ?";
        return venueCode == null
                ? jdbc.query(sql + " ORDER BY venue_code, start_at", BOOKING, status.name(), from, to)
                : jdbc.query(sql + " AND venue_code = ? ORDER BY start_at", BOOKING, status.name(), from, to, venueCode);
    }
}
