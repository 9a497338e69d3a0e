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

    @Scheduled(fixedDelayString = "${lianban.mail.poll-interval:PT10S}",
            initialDelayString = "${lianban.mail.poll-interval:PT10S}")
    void poll() {
        try {
            // a full batch means more are due: keep sending over fresh connections until the queue is drained, so a
            // burst (1,000 mails after a night of timers) leaves in seconds, not one batch per poll interval
            while (outbox.sendPending() == MailOutbox.BATCH) {
                // next batch
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable; the next poll tries again
            log.error("Mail outbox poll failed", e);
        }
    }
}
