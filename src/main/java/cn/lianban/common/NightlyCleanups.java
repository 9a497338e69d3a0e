package cn.lianban.common;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link NightlyCleanup} on the one clock; {@link NightlyCleanupSchedule} calls it each
 * night. A failing cleanup is logged and the others still run: the next night tries again.
 */
@Component
class NightlyCleanups {

    private static final Logger log = LoggerFactory.getLogger(NightlyCleanups.class);

    private final List<NightlyCleanup> cleanups;
    private final Clock clock;

    NightlyCleanups(List<NightlyCleanup> cleanups, Clock clock) {
        this.cleanups = cleanups;
        this.clock = clock;
    }

    /** Rows deleted per table. */
    Map<String, Integer> run() {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (NightlyCleanup c : cleanups) {
            try {
                deleted.merge(c.table(), c.cleanUp(clock.instant()), Integer::sum);
            } catch (RuntimeException e) {
                log.error("Nightly cleanup of {} failed", c.table(), e);
            }
        }
        log.info("Nightly cleanup, rows deleted: {}", deleted);
        return deleted;
    }
}
