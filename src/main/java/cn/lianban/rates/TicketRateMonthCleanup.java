package cn.lianban.rates;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;
import cn.lianban.common.NightlyCleanup;

/**
 * The monthly counts follow the audit trail they were counted from: a month whose events are all past
 * {@code lianban.retention.figures} (deleted by the trail's own cleanup) goes too.
 */
@Component
class TicketRateMonthCleanup implements NightlyCleanup {

    private final JdbcClient jdbc;
    private final Duration keep;

    TicketRateMonthCleanup(JdbcClient jdbc, @Value("${lianban.retention.figures:1095d}") Duration keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    @Override
    public String table() {
        return "ticket_rate_month";
    }

    @Override
    public int cleanUp(Instant now) {
        // the month of the cutoff still has events after it: it stays
        YearMonth cutoffMonth = YearMonth.from(now.minus(keep).atZone(EngineClock.ZONE));
        return jdbc.sql("DELETE FROM ticket_rate_month WHERE rate_month < ?").param(cutoffMonth.toString()).update();
    }
}
