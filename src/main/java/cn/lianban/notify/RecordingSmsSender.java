package cn.lianban.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default provider ({@code lianban.sms.provider=log}): sends nothing, only logs the message (phone masked), so
 * the outbox marks it sent and /admin/sms shows what residents would have received.
 */
@Component
@ConditionalOnProperty(name = "lianban.sms.provider", havingValue = "log", matchIfMissing = true)
class RecordingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(RecordingSmsSender.class);

    @Override
    public void send(String phone, String text) {
        log.info("SMS (recorded, not sent) to {}: {}", SmsAdminRow.mask(phone), text);
    }
}
