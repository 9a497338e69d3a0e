package cn.lianban.notify;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * Writes a meeting invitation as an RFC 5545 calendar with iTIP METHOD:REQUEST.
 * Times are written in UTC so that no VTIMEZONE block is needed and every client agrees on the instant.
 */
public final class IcsWriter {

    static final String CRLF = "\r\n";
    /** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int MAX_OCTETS = 75;

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IcsWriter() {
    }

    /** @param dtstamp when the invitation is created (DTSTAMP) */
    public static String write(MeetingInvite invite, Instant dtstamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:-//lianban//notify//ZH");
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:REQUEST");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + escapeText(invite.uid()));
        line(out, "DTSTAMP:" + utc(dtstamp));
        line(out, "DTSTART:" + utc(invite.start()));
        line(out, "DTEND:" + utc(invite.end()));
        line(out, "SEQUENCE:0");
        line(out, "STATUS:CONFIRMED");
        text(out, "SUMMARY", invite.summary());
        text(out, "DESCRIPTION", invite.description());
        text(out, "LOCATION", invite.location());
        line(out, "ORGANIZER" + cn(invite.organizer()) + ":mailto:" + invite.organizer().email().trim());
        for (MeetingInvite.Person a : invite.attendees()) {
            line(out, "ATTENDEE" + cn(a) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:"
                    + a.email().trim());
        }
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String utc(TemporalAccessor t) {
        // seconds are the finest unit iCalendar DATE-TIME carries
        return UTC.format(Instant.from(t).truncatedTo(ChronoUnit.SECONDS));
    }

    private static void text(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            line(out, name + ":" + escapeText(value));
        }
    }

    private static void line(StringBuilder out, String contentLine) {
        out.append(fold(contentLine)).append(CRLF);
    }

    /** ;CN="…" or nothing. Parameter values are quoted because names may contain ':', ';' or ','. */
    private static String cn(MeetingInvite.Person p) {
        if (p.name() == null || p.name().isBlank()) {
            return "";
        }
        // RFC 5545 3.2: a quoted parameter value cannot contain DQUOTE or control characters
        String safe = p.name().replace('"', '\'').replaceAll("\\p{Cntrl}", " ");
        return ";CN=\"" + safe + "\"";
    }

    /** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
    static String escapeText(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\r' -> {
                    sb.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> sb.append("\\n");
                default -> {
                    // other control characters are not allowed in TEXT; tab is
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
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
