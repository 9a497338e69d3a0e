package cn.lianban.common;

import java.time.Instant;

/**
 * One module's cleanup of its own growing table, contributed as a bean and run each night by
 * {@link NightlyCleanups} at the start of the engine's history cleanup window, so the project's tables follow
 * the same rhythm as Camunda's history. Deletes only what its rule says is past keeping at {@code now};
 * running it twice deletes nothing more (idempotent), so two nodes running it the same night do no harm.
 */
public interface NightlyCleanup {

    /** The table, for the log. */
    String table();

    /** Deletes what is past keeping at {@code now}; returns the number of rows deleted. */
    int cleanUp(Instant now);
}
