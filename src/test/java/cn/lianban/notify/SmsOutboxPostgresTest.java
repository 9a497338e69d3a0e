package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.lianban.support.Postgres;

/** The V60 migration and the SMS outbox's SQL on PostgreSQL 17 too. */
class SmsOutboxPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void queuesRetriesGivesUpAndSendsOnPostgres() {
        NotifyFixture f = new NotifyFixture(postgres.database(), 1, 2);
        FakeSmsSender provider = new FakeSmsSender();
        SmsOutbox outbox = f.smsOutbox(provider, 2);
        outbox.send("13800138000", "您的工单TK-2026-000042已受理。", SmsKind.TICKET_STATUS, "TK-2026-000042");
        outbox.send("13800138001", "您的预约B-20260301-ABC123已通过。", SmsKind.BOOKING_APPROVED, "B-20260301-ABC123");

        provider.down = true;
        assertThat(outbox.sendPending()).isZero();
        assertThat(outbox.recent(OutboxStatus.PENDING, 10)).hasSize(2)
                .allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(outbox.sendPending()).isZero();
        assertThat(outbox.counts()).containsEntry(OutboxStatus.FAILED, 2L).containsEntry(OutboxStatus.PENDING, 0L);

        provider.down = false;
        long first = outbox.recent(OutboxStatus.FAILED, 10).get(1).id();
        assertThat(outbox.retry(first)).isTrue();
        assertThat(outbox.sendPending()).isEqualTo(1);
        assertThat(provider.sent).extracting(FakeSmsSender.Sent::text)
                .containsExactly("【联办】您的工单TK-2026-000042已受理。");
        assertThat(outbox.counts()).containsEntry(OutboxStatus.SENT, 1L).containsEntry(OutboxStatus.FAILED, 1L);
        assertThat(new SmsOutboxCleanup(org.springframework.jdbc.core.simple.JdbcClient.create(f.jdbc),
                Duration.ofDays(1)).cleanUp(NotifyFixture.START.plus(Duration.ofDays(2)))).isEqualTo(2);
    }
}
