package cn.lianban.notify;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sent and failed mails are kept for {@code lianban.retention.mails} (one year, as long as the engine keeps the
 * history of a ticket, whose case page lists them).
 */
@Component
class MailOutboxCleanup extends OutboxCleanup {

    MailOutboxCleanup(JdbcClient jdbc, @Value("${lianban.retention.mails:365d}") Duration keep) {
        super(jdbc, "mail_outbox", keep);
    }
}
