package cn.lianban.common;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts {@link NightlyCleanups} at {@code lianban.retention.cron} (Beijing time; by default at the start of the
 * engine's history cleanup window). A separate bean so tests can switch it off with
 * {@code lianban.retention.scheduler-enabled=false} and call the cleanups themselves.
 */
@Component
@ConditionalOnProperty(name = "lianban.retention.scheduler-enabled", havingValue = "true", matchIfMissing = true)
class NightlyCleanupSchedule {

    private final NightlyCleanups cleanups;

    NightlyCleanupSchedule(NightlyCleanups cleanups) {
        this.cleanups = cleanups;
    }

    @Scheduled(cron = "${lianban.retention.cron:0 0 1 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        cleanups.run();
    }
}
