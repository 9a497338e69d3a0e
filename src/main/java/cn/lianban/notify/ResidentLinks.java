package cn.lianban.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.RandomCode;
import cn.lianban.common.UserInputException;

/**
 * 回访 links for residents (issue 14), for a ticket or a joint case alike: a random token that only the SMS carries,
 * its SHA-256 in table resident_rating, valid {@link #VALID} and used once. What a rating does to its case or ticket
 * is the owning module's ({@link RatedByResident}); here is only the link.
 */
@Service
public class ResidentLinks {

    public static final Duration VALID = Duration.ofDays(7);
    /** The one answer to a link that is unknown, used, expired, or whose case no longer waits for a rating. */
    public static final String EXPIRED = "评价链接无效或已过期（链接 " + VALID.toDays() + " 天内有效，只能评价一次）。";
    static final int COMMENT_MAX = 500;
    private static final int TOKEN_LENGTH = 24;

    private final JdbcClient jdbc;
    private final Clock clock;

    public ResidentLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new link for the case or ticket, in the caller's transaction; returns the token, which only the SMS carries. */
    public String issue(String businessKey) {
        String token = RandomCode.of("", TOKEN_LENGTH);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO resident_rating (token_hash, business_key, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), businessKey, Timestamp.from(now), Timestamp.from(now.plus(VALID))).update();
        return token;
    }

    /** Until when the open link of the case or ticket is valid, if one is (sent, unused, not expired). */
    public Optional<Instant> validUntil(String businessKey) {
        return jdbc.sql("SELECT expires_at FROM resident_rating WHERE business_key = ? AND used_at IS NULL "
                        + "AND expires_at > ? ORDER BY expires_at DESC FETCH FIRST 1 ROWS ONLY")
                .params(businessKey, Timestamp.from(clock.instant()))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The business key of a valid, unused link; empty for any other token. */
    public Optional<String> businessKey(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT business_key FROM resident_rating WHERE token_hash = ? AND used_at IS NULL "
                        + "AND expires_at > ?").params(hash(token), Timestamp.from(clock.instant()))
                .query(String.class).optional();
    }

    /**
     * Uses the link up with the resident's score and comment, in the caller's transaction, and returns its business
     * key; a comment too long is refused, and a link that is unknown, used or expired with {@link #EXPIRED}.
     *
     * @return the comment as kept: stripped, null when blank
     */
    public Used use(String token, int score, String comment) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX) {
            throw new UserInputException("comment", "评价内容不能超过 " + COMMENT_MAX + " 字");
        }
        String key = businessKey(token).orElseThrow(ResidentLinks::expired);
        Instant now = clock.instant();
        int used = jdbc.sql("UPDATE resident_rating SET used_at = ?, score = ?, comment = ? WHERE token_hash = ? "
                        + "AND used_at IS NULL AND expires_at > ?")
                .params(Timestamp.from(now), score, text, hash(token), Timestamp.from(now)).update();
        if (used != 1) {
            throw expired();
        }
        return new Used(key, text);
    }

    /** The refusal of a link that no longer opens a rating, the same sentence for every reason. */
    public static UserInputException expired() {
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

    /** A link used up: its case or ticket, and the comment as kept (null when none). */
    public record Used(String businessKey, String comment) {
    }

    /**
     * What the rating page shows of the case or ticket waiting for the resident's rating: no people, no notes.
     *
     * @param what    工单 or 案件, as the page names the number
     * @param subject what was reported (the ticket's item, the case's title)
     * @param unit    who handled it, with {@code unitLabel} its heading; null when none
     * @param thanks  the sentence after the rating, saying what it counts for
     */
    public record Invitation(String businessKey, String what, String subject, String unitLabel, String unit,
                             String result, String thanks) {
    }
}
