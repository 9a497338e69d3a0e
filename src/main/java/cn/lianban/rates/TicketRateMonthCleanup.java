package cn.lianban.rates;

import java.time.Instant;

import org.springframework.stereotype.Component;

import cn.lianban.common.NightlyCleanup;

/**
 * The monthly counts follow the audit trail they were folded from: the months the rollup no longer answers for
 * (at the edge of {@code lianban.retention.figures}, read from the remaining events instead) go.
 */
@Component
class TicketRateMonthCleanup implements NightlyCleanup {

    private final TicketRateRollup rollup;

    TicketRateMonthCleanup(TicketRateRollup rollup) {
        this.rollup = rollup;
    }

    @Override
    public String table() {
        return "ticket_rate_month";
    }

    @Override
    public int cleanUp(Instant now) {
        return rollup.removeBefore(now);
    }
}
