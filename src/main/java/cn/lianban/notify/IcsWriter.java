package cn.lianban.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes a meeting invitation as an RFC 5545 calendar with iTIP METHOD:REQUEST, built with ical4j, which names
 * the properties and escapes their values. Times are written in UTC so that no VTIMEZONE block is needed and every
 * client agrees on the instant. Lines are folded here rather than by ical4j's {@code FoldingWriter}, because that
 * one counts characters, and a line of Chinese (3 octets each) would run far past the 75 octets RFC 5545 allows.
 */
final class IcsWriter {

    static final String CRLF = "\r\n";
    /** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int MAX_OCTETS = 75;

    private IcsWriter() {
    }

    /** @param dtstamp when the invitation is created (DTSTAMP) */
    public static String write(MeetingInvite invite, Instant dtstamp) {
        VEvent event = new VEvent(false)
                .add(new Uid(invite.uid()))
                .add(new DtStamp(seconds(dtstamp)))
                .add(new DtStart<>(seconds(invite.start())))
                .add(new DtEnd<>(seconds(invite.end())))
                .add(new Sequence(0))
                .add(ImmutableStatus.VEVENT_CONFIRMED);
        text(event, new Summary(), invite.summary());
        text(event, new Description(), invite.description());
        text(event, new Location(), invite.location());
        event.add(person(new Organizer(mailto(invite.organizer())), invite.organizer()));
        for (MeetingInvite.Person a : invite.attendees()) {
            event.add(person(new Attendee(mailto(a)), a)
                    .add(Role.REQ_PARTICIPANT).add(PartStat.NEEDS_ACTION).add(Rsvp.TRUE));
        }
        Calendar calendar = new Calendar()
                .add(new ProdId("-//lianban//notify//ZH"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(ImmutableMethod.REQUEST);
        calendar.add(event);
        return foldAll(calendar.toString());
    }

    /** Seconds are the finest unit iCalendar DATE-TIME carries. */
    private static Instant seconds(TemporalAccessor t) {
        return Instant.from(t).truncatedTo(ChronoUnit.SECONDS);
    }

    private static void text(VEvent event, Property property, String value) {
        if (value != null && !value.isBlank()) {
            property.setValue(plainText(value));
            event.add(property);
        }
    }

    /**
     * ical4j escapes backslash, ';', ',' and CRLF or LF; a lone CR and other control characters it would pass
     * through, so they are made a line break or dropped first (RFC 5545 3.3.11 allows only tab among them).
     */
    private static String plainText(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\\t\\n]]", "");
    }

    private static URI mailto(MeetingInvite.Person p) {
        try {
            return new URI("mailto", p.email().trim(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a mail address: " + p.email(), e);
        }
    }

    /** CN=… when the person has a name; ical4j quotes it, since names may contain ':', ';' or ','. */
    private static <P extends Property> P person(P property, MeetingInvite.Person p) {
        if (p.name() != null && !p.name().isBlank()) {
            // RFC 5545 3.2: a quoted parameter value cannot contain DQUOTE or control characters
            property.add(new Cn(p.name().replace('"', '\'').replaceAll("\\p{Cntrl}", " ")));
        }
        return property;
    }

    private static String foldAll(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + 64);
        for (String line : unfolded.split(CRLF)) {
            out.append(fold(line)).append(CRLF);
        }
        return out.toString();
    }

    /**
     * Folds a content line into physical lines of at most 75 UTF-8 octets; continuation lines start
     * with one space, which counts toward the 75. Breaks only between code points, so a multi-byte
     * character (Chinese is 3 octets) is never split.
     */
    static String fold(String contentLine) {
        StringBuilder sb = new StringBuilder(contentLine.length() + 16);
        int used = 0;
        for (int i = 0; i < contentLine.length(); ) {
            int cp = contentLine.codePointAt(i);
            int octets = utf8Length(cp);
            if (used + octets > MAX_OCTETS) {
                sb.append(CRLF).append(' ');
                used = 1;
            }
            sb.appendCodePoint(cp);
            used += octets;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
