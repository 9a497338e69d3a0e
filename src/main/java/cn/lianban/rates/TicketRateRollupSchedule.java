package cn.lianban.rates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Folds the settled ticket events into the 三率's monthly counts every {@code lianban.rates.fold-interval}. Every
 * node runs it; the fold row's lock lets one of them fold at a time. A separate bean so tests switch the schedule
 * off with {@code lianban.rates.scheduler-enabled=false} and call {@link TicketRateRollup#refresh()} themselves.
 */
@Component
@ConditionalOnProperty(name = "lianban.rates.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class TicketRateRollupSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(TicketRateRollupSchedule.class);

    private final TicketRateRollup rollup;

    TicketRateRollupSchedule(TicketRateRollup rollup) {
        this.rollup = rollup;
    }

    @Scheduled(fixedDelayString = "${lianban.rates.fold-interval:PT1M}",
            initialDelayString = "${lianban.rates.fold-interval:PT1M}")
    void refresh() {
        try {
            long started = System.nanoTime();
            long ids = rollup.refresh();
            if (ids > 0) {
                LOG.debug("三率 rollup: {} event id(s) folded in {} ms", ids, (System.nanoTime() - started) / 1_000_000);
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable; nothing was half folded, the next round tries again
            LOG.error("三率 rollup refresh failed", e);
        }
    }
}
