package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.lianban.support.Postgres;

/** The V3 migration and the outbox SQL (identity, TEXT, FETCH FIRST, timestamps) on PostgreSQL 17 too. */
class MailOutboxPostgresTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void queuesRetriesAndSendsOnPostgres() throws Exception {
        NotifyFixture f = new NotifyFixture(postgres.database(), greenMail.getSmtp().getPort(), 3);
        String longBody = "很长的描述。".repeat(20_000); // beyond any VARCHAR limit: the TEXT column takes it
        var model = NotifierTest.caseModel();
        model.put("description", longBody);
        f.notifier.enqueue(MailKind.ASSIGNED, List.of("housing@lianban.local"), model, "JH-2026-000042");
        f.notifier.enqueueMeetingInvitation(List.of("urban@lianban.local"), NotifierTest.caseModel(),
                IcsWriterTest.invite("联席会议", "议程", "片区党群服务中心"), "JH-2026-000042");
        f.notifier.enqueue(MailKind.CLOSED, List.of(), NotifierTest.caseModel(), "JH-2026-000042");

        f.mailSender.setPort(MailOutboxTest.closedPort());
        assertThat(f.outbox.sendPending()).isZero();
        assertThat(f.outbox.recent(OutboxStatus.PENDING, 10)).hasSize(2)
                .allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));

        f.mailSender.setPort(greenMail.getSmtp().getPort());
        f.clock.advance(Duration.ofSeconds(30));
        assertThat(f.outbox.sendPending()).isEqualTo(2);
        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(f.outbox.counts()).containsEntry(OutboxStatus.SENT, 2L).containsEntry(OutboxStatus.FAILED, 1L)
                .containsEntry(OutboxStatus.PENDING, 0L);
        assertThat(f.outbox.recent(OutboxStatus.SENT, 10)).extracting(OutboxMail::withCalendar)
                .containsExactly(true, false);

        long failed = f.outbox.recent(OutboxStatus.FAILED, 1).get(0).id();
        f.outbox.retry(failed);
        assertThat(f.outbox.find(failed).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }
}
