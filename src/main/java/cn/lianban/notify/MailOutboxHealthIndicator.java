package cn.lianban.notify;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import cn.lianban.database.HealthDeadline;

/**
 * Health component {@code mailOutbox}. Never DOWN: mail trouble must not take the node out of a load balancer,
 * since cases are still handled. The counts are in the details; failures are also logged as ERROR by
 * {@link MailOutbox} and listed on /admin/mail. The counts are read within 300 ms ({@link HealthDeadline}).
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealthIndicator implements HealthIndicator, DisposableBean {

    private final MailOutbox outbox;
    private final HealthDeadline deadline = new HealthDeadline("mail-outbox-health", Duration.ofMillis(300));

    MailOutboxHealthIndicator(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        return deadline.check(() -> {
            Map<MailStatus, Long> counts = outbox.counts();
            return Health.up()
                    .withDetail("pending", counts.get(MailStatus.PENDING))
                    .withDetail("failed", counts.get(MailStatus.FAILED))
                    .build();
        });
    }

    @Override
    public void destroy() {
        deadline.close();
    }
}
