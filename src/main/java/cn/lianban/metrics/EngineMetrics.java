package cn.lianban.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.lianban.common.Cached;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The engine's figures on {@code /actuator/prometheus} (docs/contract.md, "Metrics"). Each group of figures is
 * read at most once per {@code lianban.metrics.refresh-interval} (30 s), whatever the number of scrapes.
 */
@Component
class EngineMetrics implements MeterBinder {

    private final EngineFigures figures;
    private final Cached<Map<String, Long>> openTasks;
    private final Cached<EngineFigures.Jobs> jobs;
    private final Cached<Map<String, Long>> executor;
    private final Duration interval;

    EngineMetrics(EngineFigures figures, @Value("${lianban.metrics.refresh-interval:PT30S}") Duration interval) {
        this.figures = figures;
        this.interval = interval;
        this.openTasks = new Cached<>("open tasks", interval, figures::openTasks);
        this.jobs = new Cached<>("jobs", interval, figures::jobs);
        this.executor = new Cached<>("job executor metrics", interval, figures::executor);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String type : EngineFigures.unitTypes()) {
            gauge(registry, "lianban.open.tasks", "Open tasks offered to a unit of the type, claimed or not",
                    openTasks, o -> o.get(type), "unit_type", type);
        }
        List<String> processes = figures.processes();
        Cached<Map<String, Long>> overdue = new Cached<>("overdue cases", interval, () -> figures.overdue(processes));
        for (String process : processes) {
            gauge(registry, "lianban.overdue", "Running cases whose clock has run out (time light RED)", overdue,
                    o -> o.get(process), "process", process);
        }
        gauge(registry, "lianban.failed.jobs", "Jobs out of retries", jobs, EngineFigures.Jobs::failed);
        gauge(registry, "lianban.incidents", "Open incidents", jobs, EngineFigures.Jobs::incidents);
        gauge(registry, "lianban.jobs.due", "Jobs whose time has come, waiting for the job executor", jobs,
                EngineFigures.Jobs::due);
        gauge(registry, "lianban.jobs.late", "Jobs due longer than lianban.health.jobs-stalled-after", jobs,
                EngineFigures.Jobs::late);
        for (String name : EngineFigures.EXECUTOR_METRICS) {
            FunctionCounter.builder("lianban.job.executor", executor, e -> value(e, s -> s.get(name)))
                    .description("The job executor's counts as Camunda reported them, all nodes together")
                    .tags("event", name).register(registry);
        }
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, Cached<T> reading,
            Function<T, Long> value, String... tags) {
        // held strongly: Micrometer keeps a gauge's object weakly, and the overdue reading lives nowhere else
        Gauge.builder(name, reading, r -> value(r, value)).description(description).tags(tags).strongReference(true)
                .register(registry);
    }

    private static <T> double value(Cached<T> reading, Function<T, Long> value) {
        Optional<Long> v = reading.get().map(value);
        return v.isPresent() ? v.get() : Double.NaN;
    }
}
