package cn.lianban.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the SMS outbox; off with {@code lianban.sms.scheduler-enabled=false} (tests), as the mail one. */
@Component
@ConditionalOnProperty(name = "lianban.sms.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class SmsOutboxScheduler extends OutboxPoller {

    SmsOutboxScheduler(SmsOutbox outbox) {
        super("SMS", outbox::sendPending);
    }

    @Scheduled(fixedDelayString = "${lianban.sms.poll-interval:PT10S}",
            initialDelayString = "${lianban.sms.poll-interval:PT10S}")
    void poll() {
        drain();
    }
}
