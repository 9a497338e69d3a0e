package cn.lianban.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.RandomCode;
import cn.lianban.common.UserInputException;

/**
 * 回访 by the resident: a ticket raised with a reporterPhone that reaches 待回访 (RATING) sends the resident a link
 * (a random token in the SMS, its SHA-256 in table resident_rating, valid {@link #VALID} and used once). The
 * resident's rating ends the rate task through the message {@value #MESSAGE} and closes the ticket with their score;
 * while the link is valid and unused the secretary may not rate for them ({@link #waiting}); after it the
 * secretary's rating is the ticket's, marked 代评.
 */
@Service
public class ResidentRatings {

    static final Duration VALID = Duration.ofDays(7);
    /** The one answer to a link that is unknown, used, expired, or whose ticket no longer waits for a rating. */
    public static final String EXPIRED = "评价链接无效或已过期（链接 " + VALID.toDays() + " 天内有效，只能评价一次）。";
    /** The message of the rate task's boundary event (ticket.bpmn, {@code residentRated}). */
    static final String MESSAGE = "residentRating";
    static final int COMMENT_MAX = 500;
    private static final int TOKEN_LENGTH = 24;

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TicketService tickets;
    private final TicketCaseReader cases;
    private final Clock clock;

    ResidentRatings(JdbcClient jdbc, RuntimeService runtime, TicketService tickets, TicketCaseReader cases,
                    Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tickets = tickets;
        this.cases = cases;
        this.clock = clock;
    }

    /** A new link for the ticket, in the step's transaction; returns the token, which only the SMS carries. */
    String issue(String businessKey) {
        String token = RandomCode.of("", TOKEN_LENGTH);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO resident_rating (token_hash, business_key, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), businessKey, Timestamp.from(now), Timestamp.from(now.plus(VALID))).update();
        return token;
    }

    /** Whether the resident may still rate the ticket: a link sent, unused and not expired. */
    boolean waiting(String businessKey) {
        return validUntil(businessKey).isPresent();
    }

    /** Until when the ticket's open link is valid, if one is. */
    Optional<Instant> validUntil(String businessKey) {
        return jdbc.sql("SELECT expires_at FROM resident_rating WHERE business_key = ? AND used_at IS NULL "
                        + "AND expires_at > ? ORDER BY expires_at DESC FETCH FIRST 1 ROWS ONLY")
                .params(businessKey, Timestamp.from(clock.instant()))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** What the rating page shows for a valid, unused link: the ticket; empty for any other token. */
    public Optional<Invitation> invitation(String token) {
        return link(token).flatMap(key -> cases.find(key)).map(c -> new Invitation(c.businessKey(),
                c.itemName(), c.deptName(), c.result()));
    }

    /**
     * The resident's rating: the link is used up, the rate task ends and the ticket closes with this score, all in
     * one transaction. A link that is unknown, used, expired, or whose ticket no longer waits for a rating is
     * refused with one sentence, the same for all.
     */
    @Transactional
    public void rate(String token, int score, String comment) {
        tickets.checkSatisfaction(score);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX) {
            throw new UserInputException("comment", "评价内容不能超过 " + COMMENT_MAX + " 字");
        }
        String key = link(token).orElseThrow(ResidentRatings::expired);
        Instant now = clock.instant();
        int used = jdbc.sql("UPDATE resident_rating SET used_at = ?, score = ?, comment = ? WHERE token_hash = ? "
                        + "AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), score, text, hash(token), Timestamp.from(now)).update();
        if (used != 1) {
            throw expired();
        }
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(key)
                    .setVariables(TicketVariables.residentRating(score, text)).correlate();
        } catch (MismatchingMessageCorrelationException notWaiting) {
            throw expired();
        }
    }

    private Optional<String> link(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT business_key FROM resident_rating WHERE token_hash = ? AND used_at IS NULL "
                        + "AND expires_at > ?").params(hash(token), Timestamp.from(clock.instant()))
                .query(String.class).optional();
    }

    private static UserInputException expired() {
        return new UserInputException("token", EXPIRED);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A ticket waiting for the resident's rating, as the rating page names it: no people, no internal notes. */
    public record Invitation(String businessKey, String itemName, String deptName, String result) {
    }
}
