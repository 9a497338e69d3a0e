package cn.lianban.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;
import cn.lianban.common.NightlyCleanup;

/**
 * Sent and failed mails are kept for {@code lianban.retention.mails} (one year, as long as the engine keeps the
 * history of a ticket, whose case page lists them); pending mails are never deleted, whatever their age.
 */
@Component
class MailOutboxCleanup implements NightlyCleanup {

    private final JdbcClient jdbc;
    private final Duration keep;

    MailOutboxCleanup(JdbcClient jdbc, @Value("${lianban.retention.mails:365d}") Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Override
    public String table() {
        return "mail_outbox";
    }

    @Override
    public int cleanUp(Instant now) {
        // the outbox stores Beijing wall-clock times (MailOutbox writes LocalDateTime.now(clock))
        return jdbc.sql("DELETE FROM mail_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < :cutoff")
                .param("cutoff", LocalDateTime.ofInstant(now.minus(keep), EngineClock.ZONE)).update();
    }
}
