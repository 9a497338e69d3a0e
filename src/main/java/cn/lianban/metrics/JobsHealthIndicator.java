package cn.lianban.metrics;

import java.time.Duration;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import cn.lianban.database.HealthDeadline;

/**
 * Health component {@code jobs}: whether timers and asynchronous steps are being run, on any node. Camunda's own
 * component {@code jobExecutor} tells whether this node's executor is active; this one tells whether the work
 * gets done. STALLED when jobs have been due longer than {@code lianban.health.jobs-stalled-after} (10 minutes)
 * and their number has not gone down for a minute; a backlog that is being worked off (after the nodes were down
 * overnight) goes down and is not stalled. STALLED does not turn the node's status DOWN: requests are still
 * served, and a load balancer taking every node out would not run one job more. Prometheus alerts on
 * {@code lianban_jobs_late}. Read within 300 ms ({@link HealthDeadline}).
 */
@Component("jobsHealthIndicator")
class JobsHealthIndicator implements HealthIndicator, DisposableBean {

    static final Status STALLED = new Status("STALLED", "jobs due for long are not being run");
    private static final long COMPARE_NANOS = Duration.ofMinutes(1).toNanos();

    private final EngineFigures figures;
    private final boolean executionHere;
    private final HealthDeadline deadline = new HealthDeadline("jobs-health", Duration.ofMillis(300));

    private long earlierLate = -1;
    private long earlierAt;
    private boolean stalled;

    JobsHealthIndicator(EngineFigures figures,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean executionHere) {
        this.figures = figures;
        this.executionHere = executionHere;
    }

    @Override
    public Health health() {
        return deadline.check(() -> {
            long late = figures.lateJobs();
            return (observe(late, System.nanoTime()) ? Health.status(STALLED) : Health.up())
                    .withDetail("late", late)
                    .withDetail("executionOnThisNode", executionHere)
                    .build();
        });
    }

    /**
     * Whether the jobs stall, given the number of late jobs now: compared with a reading at least a minute old,
     * the verdict holds until the next comparison.
     */
    synchronized boolean observe(long late, long nanoTime) {
        if (late == 0) {
            stalled = false;
        } else if (earlierLate >= 0 && nanoTime - earlierAt >= COMPARE_NANOS) {
            stalled = late >= earlierLate;
        }
        if (earlierLate < 0 || late == 0 || nanoTime - earlierAt >= COMPARE_NANOS) {
            earlierLate = late;
            earlierAt = nanoTime;
        }
        return stalled;
    }

    @Override
    public void destroy() {
        deadline.close();
    }
}
