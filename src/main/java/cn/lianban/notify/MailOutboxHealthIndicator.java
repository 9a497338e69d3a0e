package cn.lianban.notify;

import org.springframework.stereotype.Component;

/** Health component {@code mailOutbox}: pending and failed mails, never DOWN. */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealthIndicator extends OutboxHealthIndicator {

    MailOutboxHealthIndicator(MailOutbox outbox) {
        super("mail-outbox", outbox::counts);
    }
}
