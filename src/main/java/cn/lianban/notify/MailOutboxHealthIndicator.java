package cn.lianban.notify;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code mailOutbox}. Never DOWN: mail trouble must not take the node out of a load balancer,
 * since cases are still handled. The counts are in the details; failures are also logged as ERROR by
 * {@link MailOutbox} and listed on /admin/mail. The counts are read with a deadline: when the database does not
 * answer, the component is UNKNOWN at once and {@code /actuator/health} still answers within two seconds (the
 * {@code db} component tells that the database is down).
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealthIndicator implements HealthIndicator, DisposableBean {

    private static final long DEADLINE_MILLIS = 300;

    private final MailOutbox outbox;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-outbox-health");
        t.setDaemon(true);
        return t;
    });

    MailOutboxHealthIndicator(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        Future<Map<MailStatus, Long>> reading = reader.submit(outbox::counts);
        try {
            Map<MailStatus, Long> counts = reading.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            return Health.up()
                    .withDetail("pending", counts.get(MailStatus.PENDING))
                    .withDetail("failed", counts.get(MailStatus.FAILED))
                    .build();
        } catch (TimeoutException e) {
            reading.cancel(true);
            return Health.unknown().withDetail("error", "outbox not read within " + DEADLINE_MILLIS + " ms").build();
        } catch (ExecutionException e) {
            return Health.unknown().withException(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
