package cn.lianban.notify;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Life of an outbox row (mail and SMS): PENDING until sent (SENT) or given up / unsendable (FAILED). */
enum OutboxStatus {
    PENDING, SENT, FAILED;

    /** Number of rows per status in an outbox table (statuses without rows count 0), from one grouped COUNT. */
    static Map<OutboxStatus, Long> count(JdbcClient jdbc, String table) {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus s : values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT status, COUNT(*) FROM " + table + " GROUP BY status")
                .query(rs -> {
                    counts.put(valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }
}
