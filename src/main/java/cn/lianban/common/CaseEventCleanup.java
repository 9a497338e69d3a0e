package cn.lianban.common;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail ({@code case_event}) is what the 三率 and the dashboard count, month by month; it is kept for
 * {@code lianban.retention.figures} (three years: this year and the two before it, for comparisons), longer
 * than the engine's history of the cases it describes.
 */
@Component
class CaseEventCleanup implements NightlyCleanup {

    private final JdbcClient jdbc;
    private final Duration keep;

    CaseEventCleanup(JdbcClient jdbc, @Value("${lianban.retention.figures:1095d}") Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Override
    public String table() {
        return "case_event";
    }

    @Override
    public int cleanUp(Instant now) {
        return jdbc.sql("DELETE FROM case_event WHERE occurred_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(keep))).update();
    }
}
