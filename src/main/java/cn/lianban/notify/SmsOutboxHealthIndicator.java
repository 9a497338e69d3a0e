package cn.lianban.notify;

import org.springframework.stereotype.Component;

/** Health component {@code smsOutbox}: pending and failed text messages, never DOWN. */
@Component("smsOutboxHealthIndicator")
class SmsOutboxHealthIndicator extends OutboxHealthIndicator {

    SmsOutboxHealthIndicator(SmsOutbox outbox) {
        super("sms-outbox", outbox::counts);
    }
}
