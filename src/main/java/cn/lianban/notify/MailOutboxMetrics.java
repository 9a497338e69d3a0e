package cn.lianban.notify;

import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.lianban.common.Cached;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code lianban_outbox{kind="mail",status="pending"|"failed"}}: mails waiting to be sent (retries included) and
 * mails given up, from one grouped COUNT of the outbox at most every {@code lianban.metrics.refresh-interval}.
 */
@Component
class MailOutboxMetrics implements MeterBinder {

    private final Cached<Map<MailStatus, Long>> counts;

    MailOutboxMetrics(MailOutbox outbox, @Value("${lianban.metrics.refresh-interval:PT30S}") Duration interval) {
        this.counts = new Cached<>("mail outbox counts", interval, outbox::counts);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MailStatus status : new MailStatus[]{MailStatus.PENDING, MailStatus.FAILED}) {
            Gauge.builder("lianban.outbox", () -> counts.get().map(c -> (Number) c.get(status)).orElse(Double.NaN))
                    .description("Messages in an outbox by status")
                    .tags("kind", "mail", "status", status.name().toLowerCase())
                    .register(registry);
        }
    }
}
