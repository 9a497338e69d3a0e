package cn.lianban.notify;

import java.time.LocalDateTime;

/** One row of {@code sms_outbox}. */
record OutboxSms(long id, LocalDateTime createdAt, String phone, String body, String kind, String businessKey,
                 OutboxStatus status, int attempts, LocalDateTime nextAttemptAt, String lastError,
                 LocalDateTime sentAt) {
}
