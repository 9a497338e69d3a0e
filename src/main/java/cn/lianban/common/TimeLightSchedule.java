package cn.lianban.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the 时效灯 of running cases every few minutes. A separate bean so tests switch the schedule off with
 * {@code lianban.time-light.scheduler-enabled=false} and call {@link TimeLightRefresher#refresh()} themselves.
 */
@Component
@ConditionalOnProperty(name = "lianban.time-light.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class TimeLightSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(TimeLightSchedule.class);

    private final TimeLightRefresher refresher;

    TimeLightSchedule(TimeLightRefresher refresher) {
        this.refresher = refresher;
    }

    @Scheduled(fixedDelayString = "${lianban.time-light.refresh-interval:PT5M}",
            initialDelayString = "${lianban.time-light.refresh-interval:PT5M}")
    void refresh() {
        try {
            int changed = refresher.refresh();
            if (changed > 0) {
                LOG.info("时效灯: {} case(s) changed their light", changed);
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable; the next round tries again
            LOG.error("时效灯 refresh failed", e);
        }
    }
}
