package cn.lianban.ticket;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.HistoryTimeToLive;
import cn.lianban.common.NightlyCleanup;

/**
 * A closed ticket's row lives as long as the engine's history of the ticket ({@code lianban.history.ttl.ticket}):
 * the case page, 我的事项 and Open311 find a ticket through that history and read its business data here, so
 * a row outliving its history would never be read again. Without a configured time-to-live nothing is deleted.
 */
@Component
class TicketCaseCleanup implements NightlyCleanup {

    private final JdbcClient jdbc;
    private final HistoryTimeToLive ttl;

    TicketCaseCleanup(JdbcClient jdbc, HistoryTimeToLive ttl) {
        this.jdbc = jdbc;
        this.ttl = ttl;
    }

    @Override
    public String table() {
        return "ticket_case";
    }

    @Override
    public int cleanUp(Instant now) {
        return ttl.days(TicketFilters.PROCESS).map(days -> jdbc.sql(
                        "DELETE FROM ticket_case WHERE status IN ('CLOSED', 'JOINT') AND closed_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofDays(days)))).update()).orElse(0);
    }
}
