package cn.lianban.notify;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import cn.lianban.common.EngineClock;

/**
 * Entry point for the process code: renders a mail now and writes it to {@code mail_outbox} in the
 * caller's transaction. Nothing talks to the mail server here, so a case step never waits for or
 * fails because of SMTP; {@link MailOutbox} sends after commit.
 */
@Service
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    static final String NO_RECIPIENTS = "no recipients";
    static final String ICS_NAME = "invite.ics";
    private static final int RECIPIENTS_MAX = 2000;
    private static final int SUBJECT_MAX = 255;
    private static final int ERROR_MAX = 1000;
    private static final DateTimeFormatter MEETING_END =
            DateTimeFormatter.ofPattern("HH:mm").withZone(EngineClock.ZONE);

    private final JdbcTemplate jdbc;
    private final ITemplateEngine templates;
    private final String baseUrl;
    private final Clock clock;

    public Notifier(JdbcTemplate jdbc, ITemplateEngine templates,
                    @Value("${lianban.base-url:http://localhost:8080}") String baseUrl, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /**
     * Queues a mail of the given kind. Empty recipients are stored as FAILED ("no recipients") so the
     * gap shows on the admin page instead of vanishing.
     *
     * @param model template variables (case fields); may be null or lack any key
     */
    public void enqueue(MailKind kind, Collection<String> recipients, Map<String, Object> model,
                        String businessKey) {
        store(kind, recipients, model, businessKey, null);
    }

    /** Queues a joint meeting invitation with an iCalendar (.ics) attachment built from {@code invite}. */
    public void enqueueMeetingInvitation(Collection<String> recipients, Map<String, Object> model,
                                         MeetingInvite invite, String businessKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", invite.summary());
        m.put("meetingSummary", invite.summary());
        m.put("meetingDescription", invite.description());
        m.put("meetingLocation", invite.location());
        m.put("meetingStart", invite.start());
        m.put("meetingEnd", sameDay(invite) ? MEETING_END.format(invite.end()) : invite.end());
        m.put("organizerName", nameOf(invite.organizer()));
        m.put("attendeeNames", invite.attendees().stream().map(Notifier::nameOf).toList());
        if (model != null) {
            m.putAll(model); // the caller's values win, e.g. the case title over the meeting summary
        }
        m.values().removeIf(Objects::isNull);
        store(MailKind.MEETING_INVITATION, recipients, m, businessKey, IcsWriter.write(invite, clock.instant()));
    }

    private void store(MailKind kind, Collection<String> recipients, Map<String, Object> model,
                       String businessKey, String ics) {
        Map<String, Object> vars = MailModel.prepare(model, businessKey, baseUrl);
        String subject = subject(kind, vars);
        vars.put("subject", subject);
        String body;
        String error = null;
        try {
            body = templates.process(kind.template(), new Context(Locale.SIMPLIFIED_CHINESE, vars));
        } catch (RuntimeException e) {
            // a template bug must not roll back the case step: keep a plain mail, marked FAILED for a look
            log.error("Mail template {} failed for {}", kind.template(), businessKey, e);
            body = MailModel.fallbackBody(subject, vars);
            error = truncate("template rendering failed: " + e.getMessage(), ERROR_MAX);
        }
        List<String> chunks = recipientChunks(recipients);
        if (chunks.isEmpty()) {
            log.warn("Mail {} for {} has no recipients; stored as FAILED", kind, businessKey);
            insert(kind, "", subject, body, ics, businessKey, OutboxStatus.FAILED, NO_RECIPIENTS);
            return;
        }
        for (String chunk : chunks) {
            insert(kind, chunk, subject, body, ics, businessKey,
                    error == null ? OutboxStatus.PENDING : OutboxStatus.FAILED, error);
        }
    }

    private void insert(MailKind kind, String recipients, String subject, String body, String ics,
                        String businessKey, OutboxStatus status, String error) {
        LocalDateTime now = LocalDateTime.now(clock);
        jdbc.update("""
                INSERT INTO mail_outbox (created_at, recipients, subject, body_html, ics, ics_name, business_key,
                                         kind, status, attempts, next_attempt_at, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
                now, recipients, subject, body, ics, ics == null ? null : ICS_NAME, businessKey,
                kind.name(), status.name(), now, error);
    }

    /** 【联办】JH-2026-000042 已交办：小区路灯损坏 */
    static String subject(MailKind kind, Map<String, Object> vars) {
        StringBuilder s = new StringBuilder("【联办】");
        Object key = vars.get("businessKey");
        if (key != null) {
            s.append(key).append(' ');
        }
        s.append(kind.subjectPhrase());
        if (kind == MailKind.ESCALATED && vars.get("levelLabel") != null) {
            s.append("至").append(vars.get("levelLabel"));
        }
        Object title = vars.get("title");
        if (title != null && !title.toString().isBlank()) {
            s.append('：').append(title);
        }
        return truncate(s.toString().replaceAll("\\s+", " ").strip(), SUBJECT_MAX);
    }

    /**
     * Trimmed, de-duplicated addresses joined with commas, split into several rows when the list is
     * longer than the column, rather than failing the caller's transaction.
     */
    static List<String> recipientChunks(Collection<String> recipients) {
        Set<String> unique = new LinkedHashSet<>();
        if (recipients != null) {
            for (String r : recipients) {
                if (r != null && !r.isBlank()) {
                    unique.add(r.trim());
                }
            }
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String address : unique) {
            if (current.length() > 0 && current.length() + 1 + address.length() > RECIPIENTS_MAX) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(',');
            }
            current.append(truncate(address, RECIPIENTS_MAX));
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** "09:30 至 11:00" reads better than repeating the date. */
    private static boolean sameDay(MeetingInvite invite) {
        return invite.start().withZoneSameInstant(EngineClock.ZONE).toLocalDate()
                .equals(invite.end().withZoneSameInstant(EngineClock.ZONE).toLocalDate());
    }

    private static String nameOf(MeetingInvite.Person p) {
        return p.name() == null || p.name().isBlank() ? p.email() : p.name();
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
