package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.lianban.common.EngineClock;
import cn.lianban.notify.MailOutbox;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Mails of a real case arrive at a mail server (GreenMail on localhost:3025, as the test profile says). */
@LianbanTest
class IssueMailDeliveryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    IssueDriver driver;
    @Autowired
    MailOutbox outbox;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void theJointMeetingInvitationCarriesACalendarEntryWithTimeAndAttendees() throws Exception {
        driver.clockAt(LocalDateTime.of(2026, 9, 30, 15, 0)); // Wednesday before National Day
        var pi = driver.file("category", "HOUSING", "multiDepartment", true);
        driver.complete(pi, "rate", "color", "YELLOW");
        // the convener picks 09:00 of the next working day at the area's complex
        driver.complete(pi, "scheduleMeeting", "meetingChoice", "V-A-DL-1|2026-10-08T09:00");
        sendAll();

        MimeMessage invitation = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains(pi.getBusinessKey()) && subject(m).contains("会"))
                .findFirst().orElseThrow(() -> new AssertionError("no invitation for " + pi.getBusinessKey()));
        assertThat(html(invitation)).contains(pi.getBusinessKey());
        Calendar ics = new CalendarBuilder().build(new StringReader(calendarPart(invitation)));
        VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();

        // 1–7 October 2026 are off (National Day): the next working day after Wed 30 Sep is Thu 8 Oct
        ZonedDateTime expected = LocalDateTime.of(2026, 10, 8, 9, 0).atZone(EngineClock.ZONE);
        assertThat(java.time.Instant.from(event.getDateTimeStart().orElseThrow().getDate()))
                .isEqualTo(expected.toInstant());
        // held at the area's own complex (booked), whose name is in the location
        assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).contains("东莱北片区");
        List<String> attendees = event.getProperties(Property.ATTENDEE).stream()
                .map(a -> a.getValue().toLowerCase()).toList();
        // the deputies of the case's area are invited, those of other areas not
        assertThat(attendees).contains("mailto:housing@dept.lianban.demo", "mailto:s-dl@street.lianban.demo",
                "mailto:c-dl-01@community.lianban.demo", "mailto:deputy01@lianban.demo", "mailto:deputy03@lianban.demo")
                .doesNotContain("mailto:deputy04@lianban.demo");
        assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue().toLowerCase())
                .isEqualTo("mailto:a-dl-1@area.lianban.demo");
    }

    @Test
    void theLeadDepartmentGetsTheAssignmentAndTheCommunityTheClosure() throws Exception {
        var pi = driver.walkYellowCaseToClosure();
        sendAll();
        List<MimeMessage> mails = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains(pi.getBusinessKey())).toList();
        assertThat(mails).anyMatch(m -> subject(m).contains("交办") && to(m).contains("housing@dept.lianban.demo"));
        assertThat(mails).anyMatch(m -> subject(m).contains("销号") && to(m).contains("c-dl-01@community.lianban.demo")
                && html(m).contains("小区路灯损坏"));
    }

    private void sendAll() {
        while (outbox.sendPending() > 0) {
            // earlier tests of this context may have queued mails too; send until nothing is left
        }
    }

    private static String calendarPart(MimeMessage message) throws Exception {
        String found = find(message, "text/calendar");
        if (found == null) {
            throw new AssertionError("no text/calendar part");
        }
        return found;
    }

    private static String html(MimeMessage message) {
        try {
            return find(message, "text/html");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded text of the first part of that MIME type. */
    private static String find(jakarta.mail.Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String to(MimeMessage m) {
        try {
            return Arrays.toString(m.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
