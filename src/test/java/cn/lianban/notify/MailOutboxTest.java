package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sending from the outbox to a real (GreenMail) SMTP server, and what happens when it is not there. */
class MailOutboxTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final int MAX_ATTEMPTS = 3;

    NotifyFixture f;
    int smtpPort;

    @BeforeEach
    void setUp() {
        smtpPort = greenMail.getSmtp().getPort();
        f = new NotifyFixture(smtpPort, MAX_ATTEMPTS);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    void assigned(String businessKey, String... recipients) {
        f.notifier.enqueue(MailKind.ASSIGNED, List.of(recipients), NotifierTest.caseModel(), businessKey);
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // nothing listens here once the socket is closed
        }
    }

    @Test
    void deliversAnAssignedMailWithChineseSubjectAndBody() throws Exception {
        assigned("JH-2026-000042", "housing@lianban.local", "urban@lianban.local");

        assertThat(f.outbox.sendPending()).isEqualTo(1);

        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue(); // one copy per recipient mailbox
        MimeMessage received = greenMail.getReceivedMessagesForDomain("housing@lianban.local")[0];
        assertThat(received.getSubject()).isEqualTo("【联办】JH-2026-000042 已交办：小区路灯损坏");
        assertThat(received.getFrom()[0].toString()).isEqualTo("lianban@lianban.local");
        assertThat(received.getAllRecipients()).extracting(Object::toString)
                .containsExactly("housing@lianban.local", "urban@lianban.local");
        Part html = Mails.first(received, "text/html");
        assertThat(html.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) html.getContent()).contains("小区路灯损坏", "东岭社区", "第3级 片区", "住建局",
                "2026-03-10", "http://lianban.example:8080/camunda/app/tasklist/");

        OutboxMail mail = f.only();
        assertThat(mail.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(mail.sentAt()).isNotNull();
        assertThat(mail.attempts()).isEqualTo(1);
        assertThat(f.outbox.sendPending()).isZero(); // sent once only
    }

    @Test
    void deliversAMeetingInvitationWithACalendarAttachment() throws Exception {
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai"));
        MeetingInvite invite = new MeetingInvite("JH-2026-000042-meeting-1@lianban.local", "小区路灯损坏 片区联席会议",
                "会商牵头部门、协办部门和办理时限", "东岭片区党群服务中心 二楼会议室", start, Duration.ofHours(1),
                new MeetingInvite.Person("东岭片区联合党委", "area-dl@lianban.local"),
                List.of(new MeetingInvite.Person("住建局", "housing@lianban.local"),
                        new MeetingInvite.Person("城管局", "urban@lianban.local"),
                        new MeetingInvite.Person("王代表", "deputy-wang@lianban.local")));
        f.notifier.enqueueMeetingInvitation(List.of("housing@lianban.local", "urban@lianban.local",
                "deputy-wang@lianban.local"), NotifierTest.caseModel(), invite, "JH-2026-000042");

        assertThat(f.outbox.sendPending()).isEqualTo(1);

        assertThat(greenMail.waitForIncomingEmail(5000, 3)).isTrue();
        MimeMessage received = greenMail.getReceivedMessagesForDomain("urban@lianban.local")[0];
        assertThat(received.getSubject()).isEqualTo("【联办】JH-2026-000042 联席会议邀请：小区路灯损坏");
        assertThat((String) Mails.first(received, "text/html").getContent())
                .contains("2026-03-02 09:30 至 10:30", "东岭片区党群服务中心 二楼会议室", "住建局、城管局、王代表");

        Part calendarPart = Mails.first(received, "text/calendar");
        assertThat(calendarPart.getContentType()).containsIgnoringCase("method=REQUEST")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(calendarPart.getFileName()).isEqualTo("invite.ics");
        Calendar calendar = new CalendarBuilder().build(new StringReader(Mails.text(calendarPart)));
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(Instant.from(event.getDateTimeStart().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
        assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("小区路灯损坏 片区联席会议");
        List<Attendee> attendees = event.getProperties("ATTENDEE");
        assertThat(attendees).extracting(a -> a.getCalAddress().toString()).containsExactly(
                "mailto:housing@lianban.local", "mailto:urban@lianban.local", "mailto:deputy-wang@lianban.local");
        assertThat(f.only().withCalendar()).isTrue();
    }

    @Test
    void keepsTheMailWhileTheServerIsDownAndSendsItWhenItIsBack() throws Exception {
        assigned("JH-2026-000042", "housing@lianban.local");
        f.mailSender.setPort(closedPort());

        assertThat(f.outbox.sendPending()).isZero();

        OutboxMail waiting = f.only();
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isEqualTo(waiting.createdAt().plusSeconds(30));

        f.mailSender.setPort(smtpPort); // the server is back
        f.clock.advance(Duration.ofSeconds(29));
        assertThat(f.outbox.sendPending()).as("not due yet").isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.outbox.sendPending()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(f.only().status()).isEqualTo(OutboxStatus.SENT);
        assertThat(f.only().attempts()).isEqualTo(2);
        assertThat(f.only().lastError()).isNull();
    }

    @Test
    void givesUpAfterMaxAttemptsAndCanBeRetriedByHand() throws Exception {
        assigned("JH-2026-000042", "housing@lianban.local");
        f.mailSender.setPort(closedPort());

        for (int i = 1; i <= MAX_ATTEMPTS; i++) {
            assertThat(f.outbox.sendPending()).isZero();
            assertThat(f.only().attempts()).isEqualTo(i);
            f.clock.advance(Duration.ofHours(1));
        }
        OutboxMail failed = f.only();
        assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(f.outbox.sendPending()).as("failed mails are not tried again").isZero();
        assertThat(f.only().attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(new MailOutboxHealthIndicator(f.outbox).health().getStatus()).isEqualTo(Status.UP);
        assertThat(new MailOutboxHealthIndicator(f.outbox).health().getDetails())
                .containsEntry("failed", 1L).containsEntry("pending", 0L);

        f.mailSender.setPort(smtpPort);
        f.outbox.retry(failed.id());
        assertThat(f.only().status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(f.only().attempts()).isZero();

        assertThat(f.outbox.sendPending()).isEqualTo(1);
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(f.only().status()).isEqualTo(OutboxStatus.SENT);
    }

    @Test
    void oneBadMailDoesNotStopTheOthers() throws Exception {
        assigned("JH-2026-000001", "housing@lianban.local");
        assigned("JH-2026-000002", "not an address");
        assigned("JH-2026-000003", "urban@lianban.local");

        assertThat(f.outbox.sendPending()).isEqualTo(2);

        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(f.outbox.recent(OutboxStatus.SENT, 10)).extracting(OutboxMail::businessKey)
                .containsExactly("JH-2026-000003", "JH-2026-000001");
        OutboxMail bad = f.outbox.recent(OutboxStatus.PENDING, 10).get(0);
        assertThat(bad.businessKey()).isEqualTo("JH-2026-000002");
        assertThat(bad.attempts()).isEqualTo(1);
        assertThat(bad.lastError()).contains("AddressException");
    }

    @Test
    void aSecondNodePollingTheSameTableDoesNotSendItAgain() {
        assigned("JH-2026-000042", "housing@lianban.local");
        MailOutbox otherNode = new MailOutbox(JdbcClient.create(f.jdbc), f.mailSender, "lianban@lianban.local", MAX_ATTEMPTS, f.clock);

        assertThat(f.outbox.sendPending() + otherNode.sendPending()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToAnHour() {
        assertThat(MailOutbox.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailOutbox.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailOutbox.backoff(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(MailOutbox.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(MailOutbox.backoff(100)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retryTouchesOnlyFailedMails() {
        assigned("JH-2026-000042", "housing@lianban.local");
        long id = f.only().id();
        f.outbox.retry(id);
        f.outbox.retry(9999);
        assertThat(f.only().attempts()).isZero();
        assertThat(f.outbox.counts()).isEqualTo(Map.of(OutboxStatus.PENDING, 1L, OutboxStatus.SENT, 0L,
                OutboxStatus.FAILED, 0L));
    }
}
