package cn.lianban.notify;

import java.time.LocalDateTime;

/** One outbox row as listed on the admin page (without the body). */
record OutboxMail(long id, LocalDateTime createdAt, String recipients, String subject, String kind,
                         String businessKey, OutboxStatus status, int attempts, LocalDateTime nextAttemptAt,
                         String lastError, LocalDateTime sentAt, boolean withCalendar) {
}
