package cn.lianban.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Business keys such as {@code JH-2026-000042}. The number comes from a database sequence per prefix and year
 * ({@code key_jh_2026}): a sequence never hands out a number twice, whatever becomes of the transaction that drew
 * it, on H2 and PostgreSQL alike, and concurrent filings do not queue on a counter row. The price is a gap: a
 * filing refused or rolled back after drawing its number leaves that number unused.
 */
@Service
public class KeySequence {

    private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;
    /** Sequences known to exist, so the look-up is made once per sequence and node. */
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    public KeySequence(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(String prefix, int year) {
        String sequence = sequenceName(prefix, year);
        ensureExists(sequence);
        // nextval('…') is PostgreSQL's and H2 understands it too
        long value = jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class);
        return String.format("%s-%d-%06d", prefix, year, value);
    }

    /** The sequence of a prefix and year, e.g. {@code key_tk_2026}; also used by migration V20. */
    public static String sequenceName(String prefix, int year) {
        if (!PREFIX.matcher(prefix).matches() || year < 1000 || year > 9999) {
            throw new IllegalArgumentException("not a business key prefix and year: " + prefix + " " + year);
        }
        return "key_" + prefix.toLowerCase() + "_" + year;
    }

    /**
     * The first key of a year creates the year's sequence, in a transaction of its own: on H2 a DDL statement
     * would commit the caller's transaction, and on PostgreSQL a lost creation race must not abort it.
     */
    private void ensureExists(String sequence) {
        if (existing.contains(sequence)) {
            return;
        }
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.sequences "
                + "WHERE LOWER(sequence_name) = ? AND LOWER(sequence_schema) = LOWER(CURRENT_SCHEMA)",
                Integer.class, sequence);
        if (found == 0) {
            try {
                separate.executeWithoutResult(s -> jdbc.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence));
            } catch (DataIntegrityViolationException anotherNodeWasFaster) {
                // PostgreSQL: two nodes created it at the same instant; it exists now, which is all we need
            }
        }
        existing.add(sequence);
    }
}
