package cn.lianban.notify;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code lianban_outbox{kind="mail",…}}. */
@Component
class MailOutboxMetrics extends OutboxMetrics {

    MailOutboxMetrics(MailOutbox outbox, @Value("${lianban.metrics.refresh-interval:PT30S}") Duration interval) {
        super("mail", outbox::counts, interval);
    }
}
