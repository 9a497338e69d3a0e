package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.transaction.support.TransactionCallbackWithoutResult;
import org.springframework.transaction.TransactionStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The SMS outbox on H2: queued in the caller's transaction, delivered, retried with backoff, given up, retried. */
class SmsOutboxTest {

    static final int MAX_ATTEMPTS = 3;

    final NotifyFixture f = new NotifyFixture(1, MAX_ATTEMPTS);
    final FakeSmsSender provider = new FakeSmsSender();
    final SmsOutbox outbox = f.smsOutbox(provider, MAX_ATTEMPTS);

    @AfterEach
    void close() {
        f.close();
    }

    OutboxSms only() {
        var ids = f.jdbc.queryForList("SELECT id FROM sms_outbox", Long.class);
        assertThat(ids).hasSize(1);
        return outbox.find(ids.get(0)).orElseThrow();
    }

    @Test
    void queuedInTheCallersTransactionAndDeliveredSigned() {
        f.transactions().execute(new TransactionCallbackWithoutResult() {
            @Override
            protected void doInTransactionWithoutResult(TransactionStatus status) {
                outbox.send("138 0013 8000", "您的工单TK-2026-000042已受理。", SmsKind.TICKET_STATUS, "TK-2026-000042");
                status.setRollbackOnly();
            }
        });
        assertThat(f.jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox", Long.class))
                .as("a rolled-back step sends nothing").isZero();

        outbox.send("138 0013 8000", "您的工单TK-2026-000042已受理。", SmsKind.TICKET_STATUS, "TK-2026-000042");
        assertThat(provider.sent).as("nothing leaves before the poller runs").isEmpty();
        assertThat(outbox.sendPending()).isEqualTo(1);
        assertThat(provider.sent).containsExactly(
                new FakeSmsSender.Sent("13800138000", "【联办】您的工单TK-2026-000042已受理。"));
        OutboxSms sent = only();
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(outbox.sendPending()).as("sent once").isZero();
    }

    @Test
    void aProviderThatIsDownLosesNothingRetriesWithBackoffAndFinallyListsTheFailure() {
        provider.down = true;
        outbox.send("13800138000", "您的预约B-20260301-ABC123已通过。", SmsKind.BOOKING_APPROVED, "B-20260301-ABC123");

        assertThat(outbox.sendPending()).isZero();
        OutboxSms waiting = only();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("HTTP 503");
        assertThat(waiting.nextAttemptAt()).isEqualTo(waiting.createdAt().plusSeconds(30));

        f.clock.advance(Duration.ofSeconds(29));
        assertThat(outbox.sendPending()).as("not due yet").isZero();
        assertThat(only().attempts()).isEqualTo(1);
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(outbox.sendPending()).isZero();
        assertThat(only().attempts()).isEqualTo(2);
        assertThat(only().nextAttemptAt()).as("the delay doubles")
                .isEqualTo(waiting.createdAt().plusSeconds(30).plusMinutes(1));

        f.clock.advance(Duration.ofMinutes(1));
        assertThat(outbox.sendPending()).isZero();
        OutboxSms failed = only();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.lastError()).contains("IllegalStateException", "HTTP 503");
        f.clock.advance(Duration.ofHours(2));
        assertThat(outbox.sendPending()).as("failed messages wait for a person").isZero();
        assertThat(provider.sent).isEmpty();
        assertThat(new SmsOutboxHealthIndicator(outbox).health().getStatus()).isEqualTo(Status.UP);
        assertThat(new SmsOutboxHealthIndicator(outbox).health().getDetails())
                .containsEntry("failed", 1L).containsEntry("pending", 0L);

        provider.down = false;
        assertThat(outbox.retry(failed.id())).isTrue();
        assertThat(only().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(only().attempts()).isZero();
        assertThat(outbox.sendPending()).isEqualTo(1);
        assertThat(provider.sent).hasSize(1);
        assertThat(only().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(outbox.retry(failed.id())).as("only a failed one").isFalse();
    }

    @Test
    void aNumberThatIsNoMobileNumberIsKeptAsFailedAndNotRetried() {
        outbox.send("0535-1234567", "您的预约已取消。", SmsKind.BOOKING_CANCELLED, "B-20260301-ABC123");
        OutboxSms bad = only();
        assertThat(bad.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(SmsAdminRow.reason(bad.lastError())).isEqualTo("手机号码无效，无法发送");
        assertThat(outbox.retry(bad.id())).isFalse();
        assertThat(outbox.sendPending()).isZero();
        assertThat(provider.sent).isEmpty();
    }

    @Test
    void theGaugesCountPendingAndFailedMessages() {
        outbox.send("13800138000", "您的工单TK-2026-000042已办结。", SmsKind.TICKET_STATUS, "TK-2026-000042");
        outbox.send(null, "您的工单TK-2026-000043已办结。", SmsKind.TICKET_STATUS, "TK-2026-000043");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new SmsOutboxMetrics(outbox, Duration.ZERO).bindTo(registry);
        assertThat(registry.get("lianban.outbox").tags("kind", "sms", "status", "pending").gauge().value())
                .isEqualTo(1.0);
        assertThat(registry.get("lianban.outbox").tags("kind", "sms", "status", "failed").gauge().value())
                .isEqualTo(1.0);
    }

    @Test
    void phonesAreMaskedAndKindsHaveChineseNames() {
        assertThat(SmsAdminRow.mask("13812341234")).isEqualTo("138****1234");
        assertThat(SmsAdminRow.mask("")).isEqualTo("****");
        for (SmsKind kind : SmsKind.values()) {
            assertThat(SmsAdminRow.kind(kind.name())).as(kind.name()).matches("[\\p{IsHan}]+");
        }
        assertThat(SmsAdminRow.reason("IllegalStateException: gateway unavailable"))
                .isEqualTo("短信服务商未接受这条短信");
    }

    @Test
    void sentAndFailedMessagesAreCleanedUpAfterTheirRetentionPendingOnesNever() {
        outbox.send("13800138000", "您的工单TK-2026-000042已受理。", SmsKind.TICKET_STATUS, "TK-2026-000042");
        outbox.send("13800138001", "您的工单TK-2026-000043已受理。", SmsKind.TICKET_STATUS, "TK-2026-000043");
        outbox.sendPending();
        outbox.send("13800138002", "您的工单TK-2026-000044已受理。", SmsKind.TICKET_STATUS, "TK-2026-000044");
        var cleanup = new SmsOutboxCleanup(org.springframework.jdbc.core.simple.JdbcClient.create(f.jdbc),
                Duration.ofDays(180));
        assertThat(cleanup.cleanUp(NotifyFixture.START.plus(Duration.ofDays(179)))).isZero();
        assertThat(cleanup.cleanUp(NotifyFixture.START.plus(Duration.ofDays(181)))).isEqualTo(2);
        assertThat(outbox.counts()).containsEntry(OutboxStatus.PENDING, 1L);
    }
}
