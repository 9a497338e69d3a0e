package cn.lianban.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the outbox. A separate bean so tests (and a node that should not send mail) can switch the
 * polling off with {@code lianban.mail.scheduler-enabled=false} and still use {@link MailOutbox}.
 */
@Component
@ConditionalOnProperty(name = "lianban.mail.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class MailOutboxScheduler extends OutboxPoller {

    MailOutboxScheduler(MailOutbox outbox) {
        super("Mail", outbox::sendPending);
    }

    @Scheduled(fixedDelayString = "${lianban.mail.poll-interval:PT10S}",
            initialDelayString = "${lianban.mail.poll-interval:PT10S}")
    void poll() {
        drain();
    }
}
