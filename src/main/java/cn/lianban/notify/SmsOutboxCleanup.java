package cn.lianban.notify;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sent and failed text messages (residents' phone numbers) are kept for {@code lianban.retention.sms}. */
@Component
class SmsOutboxCleanup extends OutboxCleanup {

    SmsOutboxCleanup(JdbcClient jdbc, @Value("${lianban.retention.sms:180d}") Duration keep) {
        super(jdbc, "sms_outbox", keep);
    }
}
