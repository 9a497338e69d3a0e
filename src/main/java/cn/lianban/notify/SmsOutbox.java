package cn.lianban.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Text messages to residents. {@link #send} writes a row to {@code sms_outbox} in the caller's transaction (a
 * rolled-back step sends nothing, a provider that is down never blocks a case); {@link #sendPending} hands the due
 * rows to the one {@link SmsSender} after commit, with the mail outbox's claim, retries and backoff.
 */
@Component
public class SmsOutbox {

    private static final Logger log = LoggerFactory.getLogger(SmsOutbox.class);

    static final String SIGNATURE = "【联办】";
    static final int TEXT_MAX = 500;
    static final String BAD_PHONE = "not a mobile number";
    private static final String COLUMNS = """
            id, created_at, phone, body, kind, business_key, status, attempts, next_attempt_at, last_error, sent_at""";

    private final JdbcClient jdbc;
    private final SmsSender sender;
    private final int maxAttempts;
    private final Clock clock;

    /** Public for other modules' test fixtures built without Spring (venue, activity); the application injects it. */
    public SmsOutbox(JdbcClient jdbc, SmsSender sender, @Value("${lianban.sms.max-attempts:8}") int maxAttempts,
              Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.clock = clock;
    }

    /**
     * Queues a short Chinese sentence to one resident, signed 【联办】. A number that is not a mainland mobile
     * number is kept as FAILED so the gap shows on /admin/sms instead of vanishing.
     *
     * @param businessKey the case, ticket or booking the message is about (its number belongs in the text too)
     */
    public void send(String phone, String text, SmsKind kind, String businessKey) {
        String normalized = mobile(phone);
        boolean mobile = normalized != null;
        String number = mobile ? normalized : phone == null ? "" : phone.strip();
        String signed = text.startsWith(SIGNATURE) ? text : SIGNATURE + text;
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO sms_outbox (created_at, phone, body, kind, business_key, status, attempts,
                                        next_attempt_at, last_error)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(now, Notifier.truncate(number, 20), Notifier.truncate(signed, TEXT_MAX), kind.name(),
                        businessKey, (mobile ? OutboxStatus.PENDING : OutboxStatus.FAILED).name(), now,
                        mobile ? null : BAD_PHONE)
                .update();
        if (!mobile) {
            log.warn("SMS {} for {} has no valid mobile number; stored as FAILED", kind, businessKey);
        }
    }

    /**
     * The mainland mobile number in {@code phone} as the outbox sends to it (11 digits from 1), or null when it is
     * none: spaces, dashes and brackets are dropped, and a country code +86, 0086 or 86 before the 11 digits. Forms
     * that take a resident's mobile check it with this, so what they accept is what the outbox sends.
     */
    public static String mobile(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s\\-()]", "").replaceFirst("^(\\+86|0086|86)(?=1\\d{10}$)", "");
        return digits.matches("1\\d{10}") ? digits : null;
    }

    ZoneId zone() {
        return clock.getZone();
    }

    /**
     * Hands up to one batch of due PENDING messages to the provider.
     *
     * @return how many it accepted
     */
    public int sendPending() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<OutboxSms> due = jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= ? ORDER BY id FETCH FIRST %d ROWS ONLY".formatted(MailOutbox.BATCH))
                .param(now).query(OutboxSms.class).list();
        int sent = 0;
        for (OutboxSms sms : due) {
            if (!claim(sms.id(), now)) {
                continue; // another node took it
            }
            try {
                sender.send(sms.phone(), sms.body());
            } catch (RuntimeException e) {
                failed(sms, e, now);
                continue;
            }
            jdbc.sql("UPDATE sms_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL "
                    + "WHERE id = ?").params(LocalDateTime.now(clock), sms.id()).update();
            sent++;
        }
        return sent;
    }

    /** As the mail outbox: the row's due time moves past the lease; only the node whose update matched sends it. */
    private boolean claim(long id, LocalDateTime now) {
        return jdbc.sql("UPDATE sms_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' "
                + "AND next_attempt_at <= ?").params(now.plus(MailOutbox.LEASE), id, now).update() == 1;
    }

    private void failed(OutboxSms sms, Exception e, LocalDateTime now) {
        int attempts = sms.attempts() + 1;
        String error = MailOutbox.describe(e);
        if (attempts >= maxAttempts) {
            jdbc.sql("UPDATE sms_outbox SET status = 'FAILED', attempts = ?, last_error = ?, next_attempt_at = ? "
                    + "WHERE id = ?").params(attempts, error, now, sms.id()).update();
            log.error("SMS {} ({}) FAILED after {} attempts, retry it on /admin/sms: {}",
                    sms.id(), sms.businessKey(), attempts, error);
        } else {
            LocalDateTime next = now.plus(MailOutbox.backoff(attempts));
            jdbc.sql("UPDATE sms_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(attempts, error, next, sms.id()).update();
            log.warn("SMS {} not sent (attempt {} of {}), next try at {}: {}",
                    sms.id(), attempts, maxAttempts, next, error);
        }
    }

    /** Puts a FAILED message with a valid number back in the queue with a fresh set of attempts. */
    boolean retry(long id) {
        return jdbc.sql("UPDATE sms_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE id = ? "
                        + "AND status = 'FAILED' AND (last_error IS NULL OR last_error <> ?)")
                .params(LocalDateTime.now(clock), id, BAD_PHONE).update() == 1;
    }

    /** The newest messages in a status, newest first. */
    List<OutboxSms> recent(OutboxStatus status, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE status = ? ORDER BY id DESC "
                + "FETCH FIRST %d ROWS ONLY".formatted(Math.max(1, limit))).param(status.name())
                .query(OutboxSms.class).list();
    }

    Optional<OutboxSms> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox WHERE id = ?").param(id)
                .query(OutboxSms.class).optional();
    }

    /** Number of messages per status (statuses without messages count 0). */
    Map<OutboxStatus, Long> counts() {
        return OutboxStatus.count(jdbc, "sms_outbox");
    }
}
