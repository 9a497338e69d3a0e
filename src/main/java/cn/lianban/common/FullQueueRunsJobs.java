package cn.lianban.common;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.CallerRunsRejectedJobsHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the job executor's queue is full, the acquisition thread runs the jobs it locked itself
 * ({@code lianban.jobs.full-queue: caller-runs}, the default) instead of keeping them for the next cycle
 * ({@code retry}, Camunda's default).
 * <p>
 * Camunda's default makes a node that has more due jobs than threads query for them one or two at a time: the next
 * acquisition asks for {@code max-jobs-per-acquisition} minus the jobs the full queue refused, and starts as soon as
 * a thread frees one slot. 10,000 timers due at once took about 7,000 acquisition queries on one node, each reading
 * the job table (1.1–1.4 ms), the largest single cost of the database (bench/README.md, "Timer benchmark"). Running
 * refused jobs on the acquisition thread keeps every acquisition at its full size, and no acquisition runs while the
 * threads are busy. Camunda ships both handlers; Spring Boot's starter offers no setting for it, hence this plugin.
 */
@Component
class FullQueueRunsJobs extends AbstractProcessEnginePlugin {

    private final boolean callerRuns;

    FullQueueRunsJobs(@Value("${lianban.jobs.full-queue:caller-runs}") String fullQueue) {
        this.callerRuns = switch (fullQueue) {
            case "caller-runs" -> true;
            case "retry" -> false;
            default -> throw new IllegalArgumentException(
                    "lianban.jobs.full-queue must be caller-runs or retry, not " + fullQueue);
        };
    }

    /**
     * After init, on the job executor itself: Spring Boot's starter builds its job executor with Camunda's handler
     * already set, and the engine applies {@code customRejectedJobsHandler} only to an executor that has none.
     */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (callerRuns && configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setRejectedJobsHandler(new CallerRunsRejectedJobsHandler());
        }
    }
}
