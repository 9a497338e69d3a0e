package cn.lianban.issue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.NightlyCleanup;

/**
 * A closed case's {@code issue_summary} row is what the dashboard counts (cases by colour, level, month), so it is
 * kept as long as the audit trail's figures, {@code lianban.retention.figures} (three years) after closing; open
 * cases are never deleted.
 */
@Component
class IssueSummaryCleanup implements NightlyCleanup {

    private final JdbcClient jdbc;
    private final Duration keep;

    IssueSummaryCleanup(JdbcClient jdbc, @Value("${lianban.retention.figures:1095d}") Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Override
    public String table() {
        return "issue_summary";
    }

    @Override
    public int cleanUp(Instant now) {
        return jdbc.sql("DELETE FROM issue_summary WHERE status IN ('CLOSED', 'MERGED') AND closed_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(keep))).update();
    }
}
