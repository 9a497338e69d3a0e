package cn.lianban.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Issue #12 point 5's outbox half: {@code n} messages queued at once, as the application writes them (rows due now,
 * PENDING), and the seconds until the node's poller has handed every one to the provider. The node is whatever is
 * running on the database at {@code url}; its pollers run with the settings of application.yaml.
 */
final class OutboxDrain {

    /** The claim: 1,000 messages of each outbox leave a node within 60 s. */
    static final String ANCHOR = "issue #12 point 5: 1,000 mails and 1,000 SMS drained within 60 s per node";

    private OutboxDrain() {
    }

    /** {@code n} mails as {@code Notifier} writes them (a 1 KB HTML body); done when the SMTP sink has them all. */
    static double mails(String url, GreenMail smtp, int n) throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            long t0 = insert(c, """
                    INSERT INTO mail_outbox (created_at, recipients, subject, body_html, kind, status, attempts, next_attempt_at)
                    VALUES (?, 'desk@lianban.local', ?, ?, 'ASSIGNED', 'PENDING', 0, ?)""", n,
                    i -> "【联办】TK-2026-%06d 已交办：小区路灯损坏".formatted(i), i -> "<p>您有一件新的事项待接单。</p>".repeat(20));
            return await(c, "mail_outbox", t0, () -> smtp.getReceivedMessages().length, n);
        }
    }

    /**
     * {@code n} text messages as {@code SmsOutbox.send} writes them (a booking's confirmation, 60 characters), each to
     * its own resident (the outbox sends one phone's messages one after the other, different phones in parallel); done
     * when no row is left unsent and, with a provider that counts ({@code delivered}, else null), it has them all.
     */
    static double sms(String url, IntSupplier delivered, int n) throws SQLException, InterruptedException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            IntSupplier counted = delivered != null ? delivered : () -> Integer.MAX_VALUE;
            int before = delivered != null ? delivered.getAsInt() : 0;
            long t0 = insert(c, """
                    INSERT INTO sms_outbox (created_at, phone, body, kind, business_key, status, attempts, next_attempt_at)
                    VALUES (?, ?, ?, 'BOOKING_CONFIRMED', ?, 'PENDING', 0, ?)""", n,
                    i -> "139%08d".formatted(i),
                    i -> "【联办】您预约的金沙东党群服务中心 12月3日 14:00–16:00 已确认，预约号 B-20261203-%06d。".formatted(i),
                    i -> "B-20261203-%06d".formatted(i));
            return await(c, "sms_outbox", t0, () -> counted.getAsInt() - before, n);
        }
    }

    /**
     * Inserts {@code n} rows in one batch (parameters: now, the texts, now) and returns when the batch was sent
     * (nanoTime); the connection commits each statement.
     */
    @SafeVarargs
    private static long insert(Connection c, String sql, int n, IntFunction<String>... texts) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now().minusSeconds(1));
            for (int i = 1; i <= n; i++) {
                int p = 1;
                insert.setTimestamp(p++, now);
                for (IntFunction<String> text : texts) {
                    insert.setString(p++, text.apply(i));
                }
                insert.setTimestamp(p, now);
                insert.addBatch();
            }
            long t0 = System.nanoTime();
            insert.executeBatch();
            return t0;
        }
    }

    private static double await(Connection c, String table, long t0, IntSupplier received, int n)
            throws SQLException, InterruptedException {
        long end = t0 + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < end) {
            if (unsent(c, table) == 0 && received.getAsInt() >= n) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(unsent(c, table) + " rows of " + table + " still unsent after 10 minutes");
    }

    private static long unsent(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE status <> 'SENT'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
