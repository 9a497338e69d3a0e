package cn.lianban.common;

import java.util.Objects;
import java.util.OptionalInt;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Time limits from table time_limit: per rating colour and handling level, and for tickets. */
@Service
public class TimeLimits {

    private final JdbcTemplate jdbc;

    public TimeLimits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int resolveDaysForColor(String color) {
        return days("COLOR", color);
    }

    public int resolveDaysForLevel(int level) {
        return days("LEVEL", String.valueOf(level));
    }

    /** Hours the handler of a joint-handling case of this colour has to accept it (签收): 24, RED 2. */
    public int acceptHoursForColor(String color) {
        return jdbc.queryForList("SELECT accept_hours FROM time_limit WHERE kind = 'COLOR' AND limit_key = ?",
                Integer.class, color).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("time_limit has no row for COLOR " + color));
    }

    /**
     * Working days from the handling start that an approved extension (延期) may reach for this colour; empty when
     * the colour allows none (column extend_days NULL).
     */
    public OptionalInt extendDaysForColor(String color) {
        return jdbc.queryForList("SELECT extend_days FROM time_limit WHERE kind = 'COLOR' AND limit_key = ?",
                Integer.class, color).stream().filter(Objects::nonNull).mapToInt(Integer::intValue)
                .findFirst();
    }

    /** Hours a department has to accept a ticket. */
    public int ticketAcceptHours() {
        return jdbc.queryForObject("SELECT accept_hours FROM time_limit WHERE kind = 'TICKET' AND limit_key = 'UNLISTED'",
                Integer.class);
    }

    /** Working days for a ticket whose item is not on the responsibility list. */
    public int unlistedTicketDays() {
        return days("TICKET", "UNLISTED");
    }

    private int days(String kind, String key) {
        return jdbc.queryForList("SELECT resolve_days FROM time_limit WHERE kind = ? AND limit_key = ?",
                Integer.class, kind, key).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("time_limit has no row for " + kind + " " + key));
    }
}
