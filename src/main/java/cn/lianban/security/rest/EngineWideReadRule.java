package cn.lianban.security.rest;

import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads about the whole engine (process statistics, jobs and job definitions, incidents, deployments and their
 * resources, batches, metrics, reports, cleanup) are for administrators and the city center. Camunda's
 * authorizations cannot say so: every role reads the process definitions (Tasklist's start dialog needs them), and
 * reading a definition opens its statistics and job definitions.
 */
@Component
@Order(10)
class EngineWideReadRule implements EngineRule {

    static final String REFUSED = "流程运行情况和系统数据仅限市城市党建服务中心和管理员查看。";

    private static final Set<String> ENGINE_WIDE = Set.of("job-definition", "job", "incident", "deployment", "batch",
            "metrics", "external-task", "schema", "telemetry", "migration", "modification", "event-subscription");
    private static final Set<String> ENGINE_WIDE_HISTORY = Set.of("job-log", "incident", "batch", "cleanup",
            "external-task-log", "process-definition", "decision-definition", "report");

    @Override
    public void check(EngineCall call) {
        if (!call.caller().overseesEngine() && engineWide(call.path())) {
            throw EngineRefusal.forbidden(REFUSED);
        }
    }

    static boolean engineWide(EnginePath path) {
        String first = path.get(0);
        if (first == null) {
            return false;
        }
        if (ENGINE_WIDE.contains(first)) {
            return true;
        }
        if (first.equals("process-definition") || first.equals("task")) {
            // …/statistics of process definitions; task/report (counts per candidate group)
            return path.segments().contains("statistics") || path.startsWith("task", "report");
        }
        if (first.equals("history")) {
            String second = path.get(1);
            return ENGINE_WIDE_HISTORY.contains(second) || path.segments().contains("report")
                    || path.segments().contains("statistics");
        }
        return false;
    }
}
