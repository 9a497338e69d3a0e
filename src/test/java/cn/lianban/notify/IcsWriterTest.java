package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import org.junit.jupiter.api.Test;

class IcsWriterTest {

    static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai"));

    static MeetingInvite invite(String summary, String description, String location) {
        return new MeetingInvite("JH-2026-000042-meet-1@lianban", summary, description, location,
                START, Duration.ofMinutes(90),
                new MeetingInvite.Person("东岭片区联合党委", "area-dl@lianban.local"),
                List.of(new MeetingInvite.Person("住建局", "housing@lianban.local"),
                        new MeetingInvite.Person("城管局; 执法大队", "urban@lianban.local")));
    }

    @Test
    void escapesTextValues() {
        String ics = IcsWriter.write(invite("会议：讨论路灯", "a\\b;c,d\ne\r\nf\rg", null),
                Instant.parse("2026-03-01T02:00:00Z")).replace("\r\n ", "");
        assertThat(ics).contains("DESCRIPTION:a\\\\b\\;c\\,d\\ne\\nf\\ng\r\n");
        assertThat(ics).contains("SUMMARY:会议：讨论路灯\r\n");
    }

    @Test
    void foldsLongChineseLinesWithoutSplittingACharacter() throws Exception {
        String summary = "关于东岭社区与西岭社区交界处小区路灯长期损坏、夜间出行存在安全隐患的联席会议".repeat(3);
        String ics = IcsWriter.write(invite(summary, "议程", "片区党群服务中心"), Instant.parse("2026-03-01T02:00:00Z"));

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String[] physical = ics.split("\r\n");
        for (String line : physical) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            strictUtf8(octets); // each physical line decodes alone: no character was cut in two
        }
        // the SUMMARY line did need folding, and unfolding gives back the text
        assertThat(physical).anyMatch(l -> l.startsWith(" "));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + summary + "\r\n");
    }

    @Test
    void foldsFourByteCharactersWhole() throws Exception {
        String folded = IcsWriter.fold("X:" + "😀".repeat(40));
        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            strictUtf8(line.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo("X:" + "😀".repeat(40));
    }

    @Test
    void writesAnInvitationThatIcal4jReads() throws Exception {
        String description = "议程：1. 通报情况；2. 明确牵头部门, 协办部门\n3. 确定时限\\经费";
        String ics = IcsWriter.write(invite("路灯损坏联席会议", description, "东岭片区党群服务中心, 二楼会议室"),
                Instant.parse("2026-03-01T02:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("METHOD:REQUEST\r\n")
                .contains("DTSTART:20260302T013000Z\r\n").contains("DTEND:20260302T030000Z\r\n")
                .contains("DTSTAMP:20260301T020000Z\r\n");

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(Instant.from(event.getDateTimeStart().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
        assertThat(Instant.from(event.getDateTimeEnd().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
        assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo("路灯损坏联席会议");
        assertThat(event.getDescription().orElseThrow().getValue()).isEqualTo(description);
        assertThat(event.getLocation().orElseThrow().getValue()).isEqualTo("东岭片区党群服务中心, 二楼会议室");
        assertThat(event.getProperty("ORGANIZER").orElseThrow().getValue()).isEqualTo("mailto:area-dl@lianban.local");
        List<Attendee> attendees = event.getProperties("ATTENDEE");
        assertThat(attendees).extracting(a -> a.getCalAddress().toString())
                .containsExactly("mailto:housing@lianban.local", "mailto:urban@lianban.local");
        assertThat(attendees.get(1).getParameter("CN").orElseThrow().getValue()).isEqualTo("城管局; 执法大队");
        assertThat(attendees.get(0).getParameter("PARTSTAT").orElseThrow().getValue()).isEqualTo("NEEDS-ACTION");
        assertThat(attendees.get(0).getParameter("RSVP").orElseThrow().getValue()).isEqualTo("TRUE");
    }

    private static void strictUtf8(byte[] octets) throws CharacterCodingException {
        StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(octets));
    }
}
