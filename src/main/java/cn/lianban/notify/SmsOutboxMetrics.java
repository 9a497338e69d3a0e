package cn.lianban.notify;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** {@code lianban_outbox{kind="sms",…}}. */
@Component
class SmsOutboxMetrics extends OutboxMetrics {

    SmsOutboxMetrics(SmsOutbox outbox, @Value("${lianban.metrics.refresh-interval:PT30S}") Duration interval) {
        super("sms", outbox::counts, interval);
    }
}
