package cn.lianban.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;
import cn.lianban.common.NightlyCleanup;

/** Sent and failed text messages (residents' phone numbers) are kept for {@code lianban.retention.sms}. */
@Component
class SmsOutboxCleanup implements NightlyCleanup {

    private final JdbcClient jdbc;
    private final Duration keep;

    SmsOutboxCleanup(JdbcClient jdbc, @Value("${lianban.retention.sms:180d}") Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Override
    public String table() {
        return "sms_outbox";
    }

    @Override
    public int cleanUp(Instant now) {
        return jdbc.sql("DELETE FROM sms_outbox WHERE status IN ('SENT', 'FAILED') AND created_at < :cutoff")
                .param("cutoff", LocalDateTime.ofInstant(now.minus(keep), EngineClock.ZONE)).update();
    }
}
