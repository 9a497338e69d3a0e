package cn.lianban.notify;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import cn.lianban.database.HealthDeadline;

/**
 * An outbox's health component. Never DOWN: trouble with the mail server or the SMS provider must not take the
 * node out of a load balancer, since cases are still handled. The counts are in the details; failures are also
 * logged as ERROR by the outbox and listed on its admin page. The counts are read within 300 ms
 * ({@link HealthDeadline}).
 */
abstract class OutboxHealthIndicator implements HealthIndicator, DisposableBean {

    private final Supplier<Map<OutboxStatus, Long>> counts;
    private final HealthDeadline deadline;

    OutboxHealthIndicator(String name, Supplier<Map<OutboxStatus, Long>> counts) {
        this.counts = counts;
        this.deadline = new HealthDeadline(name + "-health", Duration.ofMillis(300));
    }

    @Override
    public Health health() {
        return deadline.check(() -> {
            Map<OutboxStatus, Long> c = counts.get();
            return Health.up()
                    .withDetail("pending", c.get(OutboxStatus.PENDING))
                    .withDetail("failed", c.get(OutboxStatus.FAILED))
                    .build();
        });
    }

    @Override
    public void destroy() {
        deadline.close();
    }
}
