package cn.lianban.issue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Resolution limits in working days, from table time_limit: per rating colour and per handling level. */
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

    private int days(String kind, String key) {
        return jdbc.queryForList("SELECT resolve_days FROM time_limit WHERE kind = ? AND limit_key = ?",
                Integer.class, kind, key).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("time_limit has no row for " + kind + " " + key));
    }
}
