package cn.lianban.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox. A separate bean so tests (and a node that should not send mail) can switch the
 * polling off with {@code lianban.mail.scheduler-enabled=false} and still use {@link MailOutbox}.
 */
@Component
@ConditionalOnProperty(name = "lianban.mail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class MailOutboxScheduler {

    private static final Logger log = LoggerFactory.getLogger(MailOutboxScheduler.class);

    private final MailOutbox outbox;

    MailOutboxScheduler(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "${lianban.mail.poll-interval:PT30S}",
            initialDelayString = "${lianban.mail.poll-interval:PT30S}")
    void poll() {
        try {
            outbox.sendPending();
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable; the next poll tries again
            log.error("Mail outbox poll failed", e);
        }
    }
}
