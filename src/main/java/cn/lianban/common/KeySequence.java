package cn.lianban.common;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Business keys such as {@code JH-2026-000042}. The counter row is incremented inside the caller's
 * transaction, so concurrent filings queue on its row lock and a failed filing leaves no gap.
 */
@Service
public class KeySequence {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;

    public KeySequence(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(tx);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(String prefix, int year) {
        ensureRow(prefix, year);
        jdbc.update("UPDATE key_sequence SET last_value = last_value + 1 WHERE prefix = ? AND seq_year = ?",
                prefix, year);
        long value = jdbc.queryForObject("SELECT last_value FROM key_sequence WHERE prefix = ? AND seq_year = ?",
                Long.class, prefix, year);
        return String.format("%s-%d-%06d", prefix, year, value);
    }

    /** The year's row is created in its own transaction: a lost insert race must not abort the caller's. */
    private void ensureRow(String prefix, int year) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM key_sequence WHERE prefix = ? AND seq_year = ?",
                Integer.class, prefix, year);
        if (rows > 0) {
            return;
        }
        try {
            separate.executeWithoutResult(s -> jdbc.update(
                    "INSERT INTO key_sequence(prefix, seq_year, last_value) VALUES (?, ?, 0)", prefix, year));
        } catch (DuplicateKeyException someoneElseWasFaster) {
            // the row exists now, which is all we need
        }
    }
}
