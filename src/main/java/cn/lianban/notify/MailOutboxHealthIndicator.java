package cn.lianban.notify;

import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code mailOutbox}. Always UP: mail trouble must not take the node out of a load
 * balancer, since cases are still handled. The counts are in the details; failures are also logged
 * as ERROR by {@link MailOutbox} and listed on /admin/mail.
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealthIndicator implements HealthIndicator {

    private final MailOutbox outbox;

    MailOutboxHealthIndicator(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        Map<MailStatus, Long> counts = outbox.counts();
        return Health.up()
                .withDetail("pending", counts.get(MailStatus.PENDING))
                .withDetail("failed", counts.get(MailStatus.FAILED))
                .build();
    }
}
