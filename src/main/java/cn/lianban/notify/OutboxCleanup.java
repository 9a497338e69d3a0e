package cn.lianban.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.EngineClock;
import cn.lianban.common.NightlyCleanup;

/** Sent and failed rows of an outbox are deleted after a while; pending ones never, whatever their age. */
abstract class OutboxCleanup implements NightlyCleanup {

    private final JdbcClient jdbc;
    private final String table;
    private final Duration keep;

    OutboxCleanup(JdbcClient jdbc, String table, Duration keep) {
        this.jdbc = jdbc;
        this.table = table;
        this.keep = keep;
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public int cleanUp(Instant now) {
        // the outboxes store Beijing wall-clock times (they write LocalDateTime.now(clock))
        return jdbc.sql("DELETE FROM " + table + " WHERE status IN ('SENT', 'FAILED') AND created_at < :cutoff")
                .param("cutoff", LocalDateTime.ofInstant(now.minus(keep), EngineClock.ZONE)).update();
    }
}
