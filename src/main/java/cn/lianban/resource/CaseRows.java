package cn.lianban.resource;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.common.SqlIn;

/** The status column of a claim or order row moves only from the statuses a step expects. */
final class CaseRows {

    private CaseRows() {
    }

    /**
     * {@code UPDATE table SET status = to, <set> WHERE business_key = key AND status IN (from)}.
     *
     * @param set further assignments, e.g. {@code "reason = ?"}, with their {@code args}
     */
    static void move(JdbcTemplate jdbc, String table, String businessKey, List<String> from, String to, String set,
                     Object... args) {
        List<Object> params = new ArrayList<>();
        params.add(to);
        Collections.addAll(params, args);
        params.add(businessKey);
        params.addAll(from);
        String in = SqlIn.marks(from);
        int rows = jdbc.update("UPDATE " + table + " SET status = ?" + (set.isEmpty() ? "" : ", " + set)
                + " WHERE business_key = ? AND status IN (" + in + ")", params.toArray());
        if (rows != 1) {
            throw new IllegalStateException(businessKey + " in " + table + " is not " + from + ", cannot become " + to);
        }
    }

    /** The community confirms what the department did: {@code done} becomes CONFIRMED, with its note. */
    static void confirm(JdbcTemplate jdbc, String table, String businessKey, String done, String note) {
        move(jdbc, table, businessKey, List.of(done), "CONFIRMED", "receipt_note = ?, confirmed_at = ?", note, now());
    }

    /**
     * The community sends it back with a note: {@code done} returns to {@code back} and, with {@code doneAt}
     * cleared, no longer counts as done.
     */
    static void sendBack(JdbcTemplate jdbc, String table, String businessKey, String done, String back, String doneAt,
                         String note) {
        move(jdbc, table, businessKey, List.of(done), back, "receipt_note = ?, " + doneAt + " = NULL", note);
    }

    static Timestamp now() {
        return Timestamp.from(EngineClock.now().toInstant());
    }
}
