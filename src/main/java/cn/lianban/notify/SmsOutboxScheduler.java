package cn.lianban.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the SMS outbox; off with {@code lianban.sms.scheduler-enabled=false} (tests), as the mail one. */
@Component
@ConditionalOnProperty(name = "lianban.sms.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class SmsOutboxScheduler {

    private static final Logger log = LoggerFactory.getLogger(SmsOutboxScheduler.class);

    private final SmsOutbox outbox;

    SmsOutboxScheduler(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "${lianban.sms.poll-interval:PT10S}",
            initialDelayString = "${lianban.sms.poll-interval:PT10S}")
    void poll() {
        try {
            while (outbox.sendPending() == MailOutbox.BATCH) {
                // a full batch means more are due
            }
        } catch (RuntimeException e) {
            log.error("SMS outbox poll failed", e);
        }
    }
}
