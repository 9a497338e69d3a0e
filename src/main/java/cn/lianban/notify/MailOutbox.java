package cn.lianban.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what {@link Notifier} queued. Runs outside any transaction: each status change commits on its
 * own, so a crash mid-batch at worst sends a mail twice, never loses one.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    static final int BATCH = 50;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    /** A claimed row is hidden from other nodes this long; if this node dies while sending, it is tried again. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final String CALENDAR_TYPE = "text/calendar; method=REQUEST; charset=UTF-8";
    private static final int ERROR_MAX = 1000;

    private static final String LIST_COLUMNS = """
            id, created_at, recipients, subject, kind, business_key, status, attempts, next_attempt_at,
            last_error, sent_at, ics_name IS NOT NULL AS with_calendar""";

    private final JdbcClient jdbc;
    private final JavaMailSender sender;
    private final String from;
    private final int maxAttempts;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, JavaMailSender sender,
                      @Value("${lianban.mail.from:lianban@lianban.local}") String from,
                      @Value("${lianban.mail.max-attempts:8}") int maxAttempts, Clock clock) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.from = from;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.clock = clock;
    }

    /** The zone of the local times the outbox writes (its clock's). */
    ZoneId zone() {
        return clock.getZone();
    }

    private record Due(long id, String recipients, String subject, String body, String ics, String icsName,
                       int attempts) {
    }

    /**
     * Sends up to one batch of due PENDING mails over one SMTP connection.
     *
     * @return how many were delivered
     */
    public int sendPending() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Due> due = jdbc.sql("""
                SELECT id, recipients, subject, body_html AS body, ics, ics_name, attempts FROM mail_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id FETCH FIRST %d ROWS ONLY"""
                .formatted(BATCH)).param(now).query(Due.class).list();
        List<Due> claimed = new ArrayList<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (Due mail : due) {
            if (!claim(mail.id(), now)) {
                continue; // another node took it
            }
            try {
                messages.add(build(mail));
                claimed.add(mail);
            } catch (MessagingException | RuntimeException e) {
                failed(mail, e, now);
            }
        }
        if (messages.isEmpty()) {
            return 0;
        }
        Map<Object, Exception> failures = send(messages);
        int sent = 0;
        for (int i = 0; i < claimed.size(); i++) {
            Exception failure = failures.get(messages.get(i));
            if (failure == null) {
                jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, "
                        + "last_error = NULL WHERE id = ?").params(LocalDateTime.now(clock), claimed.get(i).id()).update();
                sent++;
            } else {
                failed(claimed.get(i), failure, now);
            }
        }
        log.debug("Mail outbox: {} of {} sent", sent, claimed.size());
        return sent;
    }

    /** Moves the row's due time past the lease; only the node whose update matched sends it. */
    private boolean claim(long id, LocalDateTime now) {
        return jdbc.sql("UPDATE mail_outbox SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING' "
                + "AND next_attempt_at <= ?").params(now.plus(LEASE), id, now).update() == 1;
    }

    private MimeMessage build(Due mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.recipients().split(","));
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), true);
        if (mail.ics() != null) {
            helper.addAttachment(mail.icsName() == null ? Notifier.ICS_NAME : mail.icsName(),
                    new ByteArrayDataSource(mail.ics().getBytes(StandardCharsets.UTF_8), CALENDAR_TYPE));
        }
        return message;
    }

    /** Failed messages by message; on a failure that names none (e.g. bad login) all of them. */
    private Map<Object, Exception> send(List<MimeMessage> messages) {
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            if (!e.getFailedMessages().isEmpty()) {
                return e.getFailedMessages();
            }
            return allFailed(messages, e);
        } catch (RuntimeException e) {
            return allFailed(messages, e);
        }
    }

    private static Map<Object, Exception> allFailed(List<MimeMessage> messages, Exception e) {
        Map<Object, Exception> all = new IdentityHashMap<>();
        messages.forEach(m -> all.put(m, e));
        return all;
    }

    private void failed(Due mail, Exception e, LocalDateTime now) {
        int attempts = mail.attempts() + 1;
        String error = describe(e);
        if (attempts >= maxAttempts) {
            jdbc.sql("UPDATE mail_outbox SET status = 'FAILED', attempts = ?, last_error = ?, next_attempt_at = ? "
                    + "WHERE id = ?").params(attempts, error, now, mail.id()).update();
            log.error("Mail {} '{}' to {} FAILED after {} attempts, retry it on /admin/mail: {}",
                    mail.id(), mail.subject(), mail.recipients(), attempts, error);
        } else {
            LocalDateTime next = now.plus(backoff(attempts));
            jdbc.sql("UPDATE mail_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?")
                    .params(attempts, error, next, mail.id()).update();
            log.warn("Mail {} not sent (attempt {} of {}), next try at {}: {}",
                    mail.id(), attempts, maxAttempts, next, error);
        }
    }

    /** 30 s after the first failure, doubling each time, at most an hour. */
    static Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            sb.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage())
                    .append(')');
        }
        return Notifier.truncate(sb.toString(), ERROR_MAX);
    }

    /** Puts a FAILED mail back in the queue with a fresh set of attempts; false when there is no such mail. */
    boolean retry(long id) {
        boolean changed = jdbc.sql("UPDATE mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                + "WHERE id = ? AND status = 'FAILED'").params(LocalDateTime.now(clock), id).update() == 1;
        if (changed) {
            log.info("Mail {} queued again", id);
        } else {
            log.warn("Mail {} not retried: no FAILED mail with that id", id);
        }
        return changed;
    }

    /** The newest mails in a status, newest first. */
    List<OutboxMail> recent(OutboxStatus status, int limit) {
        return jdbc.sql("SELECT " + LIST_COLUMNS + " FROM mail_outbox WHERE status = ? ORDER BY id DESC "
                + "FETCH FIRST %d ROWS ONLY".formatted(Math.max(1, limit))).param(status.name())
                .query(OutboxMail.class).list();
    }

    Optional<OutboxMail> find(long id) {
        return jdbc.sql("SELECT " + LIST_COLUMNS + " FROM mail_outbox WHERE id = ?").param(id)
                .query(OutboxMail.class).optional();
    }

    /** Number of mails per status (statuses without mails count 0). */
    Map<OutboxStatus, Long> counts() {
        return OutboxStatus.count(jdbc, "mail_outbox");
    }
}
