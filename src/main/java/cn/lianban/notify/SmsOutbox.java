package cn.lianban.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Text messages to residents. {@link #send} writes a row to {@code sms_outbox} in the caller's transaction (a
 * rolled-back step sends nothing, a provider that is down never blocks a case); {@link #sendPending} hands the due
 * rows to the one {@link SmsSender} after commit, with the mail outbox's claim, retries and backoff.
 * <p>
 * A gateway answers each message over HTTP in 50–300 ms, so one message at a time cannot drain 1,000 in a minute:
 * a batch is sent on {@code lianban.sms.parallel} threads, one phone's messages in one thread in id order, and a
 * message waits while an earlier one to its phone is still pending (in backoff, or claimed by another node), so a
 * resident never gets a booking's 已取消 before its 已确认 (docs/architecture.md, "SMS outbox: parallel per phone").
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
    /** Sends the phones' groups of a batch; null sends them one after the other in the polling thread. */
    private final ExecutorService pool;

    /**
     * Sends one message at a time, in the calling thread (no pool to shut down). Public for other modules' test
     * fixtures built without Spring (venue, activity); the application injects the parallel one.
     */
    public SmsOutbox(JdbcClient jdbc, SmsSender sender, int maxAttempts, Clock clock) {
        this(jdbc, sender, maxAttempts, clock, 1);
    }

    /** @param parallel how many phones are sent to at once; 1 sends in the polling thread */
    @Autowired
    SmsOutbox(JdbcClient jdbc, SmsSender sender, @Value("${lianban.sms.max-attempts:8}") int maxAttempts,
              Clock clock, @Value("${lianban.sms.parallel:8}") int parallel) {
        this.jdbc = jdbc;
        this.sender = sender;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.clock = clock;
        if (parallel > 1) {
            CustomizableThreadFactory threads = new CustomizableThreadFactory("sms-send-");
            threads.setDaemon(true); // never keeps a JVM alive; close() ends them with the bean
            pool = Executors.newFixedThreadPool(parallel, threads);
        } else {
            pool = null;
        }
    }

    /**
     * Gives the groups already on the pool up to 10 s to finish (their rows are marked), then interrupts them and
     * drops the rest: a row is claimed only just before it is sent, so those not reached stay due for the next poll
     * of any node (one being sent when interrupted waits out its lease or its backoff). Later polls are refused.
     */
    @PreDestroy
    void close() {
        if (pool == null) {
            return;
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
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
     * Hands up to one batch of due PENDING messages to the provider: the batch's rows grouped by phone, the groups
     * in parallel, each group in id order. A row is due only when no earlier message to its phone is still pending
     * and not due (in backoff, or claimed by another node), and a group stops at its first message that fails or
     * that another node has claimed: the phone's later messages stay PENDING and due, untouched (no attempt
     * counted), and wait behind it. A FAILED message no longer holds its phone's later ones.
     *
     * @return how many it accepted
     */
    public int sendPending() {
        LocalDateTime now = LocalDateTime.now(clock);
        // an earlier message waits when its due time moved past its creation and now: a claim's lease or a backoff
        // (one merely written by a clock ahead of this node's holds nothing)
        List<OutboxSms> due = jdbc.sql("SELECT " + COLUMNS + " FROM sms_outbox s WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= :now AND NOT EXISTS (SELECT 1 FROM sms_outbox e WHERE "
                        + "e.phone = s.phone AND e.status = 'PENDING' AND e.id < s.id AND e.next_attempt_at > :now "
                        + "AND e.next_attempt_at > e.created_at) "
                        + "ORDER BY id FETCH FIRST %d ROWS ONLY".formatted(MailOutbox.BATCH))
                .param("now", now).query(OutboxSms.class).list();
        Map<String, List<OutboxSms>> byPhone = new LinkedHashMap<>();
        for (OutboxSms sms : due) {
            byPhone.computeIfAbsent(sms.phone(), phone -> new ArrayList<>()).add(sms);
        }
        int sent = 0;
        if (pool == null) {
            for (List<OutboxSms> group : byPhone.values()) {
                sent += sendInOrder(group, now);
            }
            return sent;
        }
        List<Callable<Integer>> groups = byPhone.values().stream()
                .<Callable<Integer>>map(group -> () -> sendInOrder(group, now)).toList();
        try {
            for (Future<Integer> group : pool.invokeAll(groups)) {
                sent += group.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SMS", e);
        } catch (ExecutionException e) {
            // the database failed under a group: the poller logs it and the next poll tries again
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return sent;
    }

    /** One phone's due messages, oldest first; stops at the first that another node took or the provider refused. */
    private int sendInOrder(List<OutboxSms> group, LocalDateTime now) {
        int sent = 0;
        for (OutboxSms sms : group) {
            if (!claim(sms.id(), now)) {
                return sent; // another node took it: it sends this phone's later ones after it
            }
            try {
                sender.send(sms.phone(), sms.body());
            } catch (RuntimeException e) {
                failed(sms, e, now);
                return sent;
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
