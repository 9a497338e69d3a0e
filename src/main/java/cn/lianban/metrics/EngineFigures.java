package cn.lianban.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseClock;
import cn.lianban.common.Grants;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/**
 * Reads the engine's figures through its public API, as the system (no authorization check, the figures are
 * the whole engine's). Each method is one query, or one per unit type, process or metric name; {@link EngineMetrics}
 * caches them.
 */
@Component
class EngineFigures {

    /** Label of tasks offered to the city center. */
    static final String CITY = "city";
    /** The job executor's counts Camunda's metrics reporter writes (every 15 minutes, all nodes together). */
    static final List<String> EXECUTOR_METRICS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED, Metrics.JOB_LOCKED_EXCLUSIVE);

    record Jobs(long due, long late, long failed, long incidents) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final Grants grants;
    private final Clock clock;
    private final Duration lateAfter;

    EngineFigures(TaskService tasks, RuntimeService runtime, ManagementService management,
            RepositoryService repository, Grants grants, Clock clock,
            @Value("${lianban.health.jobs-stalled-after:PT10M}") Duration lateAfter) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.grants = grants;
        this.clock = clock;
        this.lateAfter = lateAfter;
    }

    /** The label values of {@link #openTasks()}: each unit type, and the city center. */
    static List<String> unitTypes() {
        List<String> types = new ArrayList<>();
        for (UnitType type : UnitType.values()) {
            types.add(label(type));
        }
        types.add(CITY);
        return types;
    }

    /**
     * Open tasks, claimed or not, offered to a unit of each type (a candidate group {@code community:…}, …,
     * {@code city-center}); one count per type, a task offered to several grids counts once among the grids.
     */
    Map<String, Long> openTasks() {
        return grants.asSystem(() -> {
            Map<String, Long> byType = new LinkedHashMap<>();
            for (UnitType type : UnitType.values()) {
                byType.put(label(type), tasks.createTaskQuery().taskCandidateGroupLike(type.group("%"))
                        .includeAssignedTasks().count());
            }
            byType.put(CITY, tasks.createTaskQuery().taskCandidateGroup(Roles.CITY_CENTER).includeAssignedTasks()
                    .count());
            return byType;
        });
    }

    /** The keys of the deployed processes. */
    List<String> processes() {
        return grants.asSystem(() -> repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).distinct().sorted().toList());
    }

    /** Running instances per process whose clock runs ({@link CaseClock}) and has run out: their 时效灯 is red. */
    Map<String, Long> overdue(List<String> processes) {
        Date now = Date.from(clock.instant());
        return grants.asSystem(() -> {
            Map<String, Long> counts = new HashMap<>();
            for (String process : processes) {
                counts.put(process, runtime.createProcessInstanceQuery().processDefinitionKey(process)
                        .variableValueLessThanOrEqual(CaseClock.DUE, now)
                        .variableValueLike(CaseClock.LIGHT, "%").count());
            }
            return counts;
        });
    }

    /**
     * Jobs whose time has come and that wait for an executor ({@code due}), those among them due longer than
     * {@code lianban.health.jobs-stalled-after} ({@code late}), jobs out of retries, open incidents.
     */
    Jobs jobs() {
        return grants.asSystem(() -> new Jobs(management.createJobQuery().executable().count(), lateJobs(),
                management.createJobQuery().noRetriesLeft().count(), runtime.createIncidentQuery().count()));
    }

    /** Executable jobs due longer than {@code lianban.health.jobs-stalled-after}. */
    long lateJobs() {
        Date before = Date.from(clock.instant().minus(lateAfter));
        return grants.asSystem(() -> management.createJobQuery().executable().duedateLowerThan(before).count());
    }

    /** The sums of {@link #EXECUTOR_METRICS} as reported so far. */
    Map<String, Long> executor() {
        return grants.asSystem(() -> {
            Map<String, Long> sums = new HashMap<>();
            for (String name : EXECUTOR_METRICS) {
                sums.put(name, management.createMetricsQuery().name(name).sum());
            }
            return sums;
        });
    }

    private static String label(UnitType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }
}
