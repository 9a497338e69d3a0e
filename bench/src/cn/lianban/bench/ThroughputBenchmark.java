package cn.lianban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.bench.DashboardBenchmark.Stats;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Lifecycles through Camunda REST as Tasklist users make them: start as {@code secretary}, then for each user task
 * query it, claim it and complete it with its form's fields as the user of its candidate group. The ticket's happy
 * path (accept, resolve, confirm, rate) runs interleaved with a bare process deployed at the start of the run with
 * the same four user tasks, candidate groups, forms and grants, and nothing else (no listeners, delegates,
 * gateways or timers): the ratio of the two is what the process itself costs. Passes when the ticket reaches
 * {@code bench.target} (0.9) of the bare process at every client count. A JFR recording of the first phase and
 * pg_stat_statements say where the time goes. Run it with
 * {@code bench/run -Dbench.class=cn.lianban.bench.ThroughputBenchmark}; see bench/README.md.
 */
class ThroughputBenchmark {

    private static final String REST = "/engine-rest";
    private static final String BARE = "bench-bare";
    private static final String TICKET = "ticket";

    private final List<Integer> clientCounts = List.of(System.getProperty("bench.clients", "4,16").split(","))
            .stream().map(String::strip).map(Integer::valueOf).toList();
    private final int seconds = Integer.getInteger("bench.seconds", 40);
    private final int warmupSeconds = Integer.getInteger("bench.warmup-seconds", 15);
    private final double target = Double.parseDouble(System.getProperty("bench.target", "0.9"));

    private final File out = new File("target/bench");
    private final StringBuilder report = new StringBuilder();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String base;

    /** One user task of a lifecycle: who works it and what its form sends. */
    private record Step(String task, String user, Map<String, Object> fields) {
    }

    /** The ticket's happy path: urban accepts and resolves, the raising community confirms and rates. */
    private static final List<Step> STEPS = List.of(
            new Step("accept", "urban", Map.of("accepted", true)),
            new Step("resolve", "urban", Map.of("result", "已劝离摊贩并设置提示牌")),
            new Step("confirm", "secretary", Map.of("solved", true)),
            new Step("rate", "secretary", Map.of("satisfaction", 5)));

    /** The start form's fields of a ticket of community C-DL-01 for item R-001 (占道经营, 城管局). */
    private static final Map<String, Object> START = Map.of("itemCode", "R-001",
            "description", "菜市场门口有流动摊贩占道经营，影响通行", "communityCode", "C-DL-01",
            "gridCode", "G-DL-01-01", "location", "华山路菜市场东门");

    @Test
    void ticketLifecycleKeepsUpWithTheBareProcess() throws Exception {
        out.mkdirs();
        File pgLog = new File(out, "throughput-postgres.log");
        Files.deleteIfExists(pgLog.toPath());
        try (BenchDatabase db = BenchDatabase.start(pgLog)) {
            ConfigurableApplicationContext app = BenchApp.start(db, "latest",
                    "--lianban.time-light.scheduler-enabled=false");
            try {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
                line("lianban throughput benchmark, %s", Instant.now());
                line("machine: %d cores, JVM max heap %d MB, %s; load average %s (clients run in the app's JVM)",
                        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                        jdbc.queryForObject("SELECT split_part(version(), ',', 1)", String.class), loadAverage());
                line("anchor: Camunda's sizing guide gives 100–500 process instance starts/s on a 4-core laptop; "
                        + "Beijing's 12345 peaks at 5–6 starts/s");
                deployBare(app);
                jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");

                run(2, warmupSeconds, null); // JIT, connection pools, caches
                boolean pass = true;
                boolean first = true;
                for (int clients : clientCounts) {
                    jdbc.queryForList("SELECT pg_stat_statements_reset()");
                    File jfr = first ? new File(out, "throughput.jfr") : null;
                    Map<String, Result> r = run(clients, seconds, jfr);
                    pass &= print(clients, r);
                    statements(jdbc);
                    if (jfr != null) {
                        profile(jfr);
                    }
                    first = false;
                }
                line("%n%s", pass ? "PASS: ticket ≥ " + target + "× the bare process at every client count"
                        : "FAIL: ticket under " + target + "× the bare process");
                Files.writeString(new File(out, "throughput-report.txt").toPath(), report, StandardCharsets.UTF_8);
                System.out.println("\nreport: target/bench/throughput-report.txt");
                assertThat(pass).as("ticket lifecycles/s ≥ %s× the bare process's", target).isTrue();
            } finally {
                app.close();
            }
        }
    }

    /**
     * The bare process: the ticket's user tasks with its candidate groups (as they resolve for C-DL-01 and urban),
     * forms and start form, so that the REST guards do the same work; and the ticket's grants on its definition.
     */
    private static void deployBare(ConfigurableApplicationContext app) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(180)
                .startEvent("raised").camundaFormRef("ticket-start").camundaFormRefBinding("latest");
        Map<String, String> groups = Map.of("accept", "dept:urban", "resolve", "dept:urban",
                "confirm", "community:C-DL-01", "rate", "community:C-DL-01");
        for (Step s : STEPS) {
            flow = flow.userTask(s.task()).camundaCandidateGroups(groups.get(s.task()))
                    .camundaFormRef("ticket-" + s.task()).camundaFormRefBinding("latest");
        }
        BpmnModelInstance model = flow.endEvent("closed").done();
        app.getBean(RepositoryService.class).createDeployment().name(BARE).addModelInstance(BARE + ".bpmn", model)
                .deploy();
        AuthorizationService auth = app.getBean(AuthorizationService.class);
        for (Authorization a : auth.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(TICKET).list()) {
            Authorization copy = auth.createNewAuthorization(a.getAuthorizationType());
            copy.setGroupId(a.getGroupId());
            copy.setUserId(a.getUserId());
            copy.setResource(Resources.PROCESS_DEFINITION);
            copy.setResourceId(BARE);
            copy.setPermissions(a.getPermissions(ProcessDefinitionPermissions.values()));
            auth.saveAuthorization(copy);
        }
    }

    /** Calls and lifecycles of one process in one phase. */
    private static final class Result {
        final Map<String, List<Double>> calls = new ConcurrentHashMap<>();
        final AtomicLong lifecycles = new AtomicLong();
        final AtomicLong lifecycleNanos = new AtomicLong();

        void call(String name, double ms) {
            calls.computeIfAbsent(name, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(ms);
        }

        /** Lifecycles per second if every client ran only this process: clients / mean lifecycle time. */
        double perSecond(int clients) {
            return lifecycles.get() == 0 ? 0 : clients * lifecycles.get() / (lifecycleNanos.get() / 1e9);
        }
    }

    /** {@code clients} clients, each alternating bare and ticket lifecycles, for {@code secs} seconds. */
    private Map<String, Result> run(int clients, int secs, File jfr) throws Exception {
        Map<String, Result> results = new LinkedHashMap<>();
        results.put(BARE, new Result());
        results.put(TICKET, new Result());
        long end = System.nanoTime() + secs * 1_000_000_000L;
        Recording recording = null;
        if (jfr != null) {
            recording = new Recording();
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    // half of the clients begin with the ticket, so both run at the same time all along
                    for (int i = client; System.nanoTime() < end; i++) {
                        String key = i % 2 == 0 ? BARE : TICKET;
                        lifecycle(key, results.get(key));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            if (recording != null) {
                recording.stop();
                recording.dump(jfr.toPath());
                recording.close();
            }
        }
        return results;
    }

    private void lifecycle(String key, Result r) throws Exception {
        long t0 = System.nanoTime();
        JsonNode started = call(r, "start", "secretary", "POST",
                REST + "/process-definition/key/" + key + "/start", variables(START), 200);
        String pi = started.get("id").asText();
        for (Step s : STEPS) {
            JsonNode found = call(r, "query", s.user(), "GET", REST + "/task?processInstanceId=" + pi
                    + "&taskDefinitionKey=" + s.task(), null, 200);
            if (found.size() != 1) {
                throw new IllegalStateException(key + " " + pi + " not waiting at " + s.task() + ": " + found);
            }
            String task = found.get(0).get("id").asText();
            call(r, "claim", s.user(), "POST", REST + "/task/" + task + "/claim",
                    json.writeValueAsString(Map.of("userId", s.user())), 204);
            call(r, "complete", s.user(), "POST", REST + "/task/" + task + "/complete", variables(s.fields()), 204);
        }
        r.lifecycleNanos.addAndGet(System.nanoTime() - t0);
        r.lifecycles.incrementAndGet();
    }

    private String variables(Map<String, Object> fields) throws Exception {
        Map<String, Object> v = new HashMap<>();
        fields.forEach((k, value) -> v.put(k, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", v));
    }

    /** A timed REST call as a demo user (HTTP Basic, as the REST clients of the contract log in). */
    private JsonNode call(Result r, String name, String user, String method, String path, String body, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Accept", "application/json").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        r.call(name, (System.nanoTime() - t0) / 1e6);
        if (answer.statusCode() != status) {
            throw new IllegalStateException(user + " " + method + " " + path + ": HTTP " + answer.statusCode() + " "
                    + answer.body());
        }
        return answer.body().isEmpty() ? null : json.readTree(answer.body());
    }

    private boolean print(int clients, Map<String, Result> results) {
        line("%n%d clients, %d s, lifecycles interleaved (start + %d × query, claim, complete):", clients, seconds,
                STEPS.size());
        line("  %-8s %10s %12s %14s   %s", "process", "lifecycles", "starts/s", "completions/s",
                "p50 / p95 per call (ms)");
        for (Map.Entry<String, Result> e : results.entrySet()) {
            Result r = e.getValue();
            StringBuilder calls = new StringBuilder();
            for (String c : List.of("start", "query", "claim", "complete")) {
                List<Double> ms = r.calls.getOrDefault(c, List.of());
                if (!ms.isEmpty()) {
                    Stats s = Stats.of(ms.stream().mapToDouble(Double::doubleValue).toArray());
                    calls.append(String.format("%s %.0f / %.0f  ", c, s.median(), s.p95()));
                }
            }
            double perSecond = r.perSecond(clients);
            line("  %-8s %10d %12.1f %14.1f   %s", e.getKey().equals(BARE) ? "bare" : e.getKey(), r.lifecycles.get(),
                    perSecond, perSecond * STEPS.size(), calls);
        }
        long all = results.values().stream().mapToLong(r -> r.lifecycles.get()).sum();
        line("  together over the wall clock: %.1f starts/s, %.1f completions/s", all / (double) seconds,
                all * STEPS.size() / (double) seconds);
        double ratio = results.get(TICKET).perSecond(clients) / results.get(BARE).perSecond(clients);
        line("  ratio ticket / bare: %.2f (target ≥ %.2f) %s; anchor 100–500 starts/s (Camunda sizing guide, 4 cores)",
                ratio, target, ratio >= target ? "ok" : "MISSED");
        return ratio >= target;
    }

    private void statements(JdbcTemplate jdbc) {
        line("  database time (pg_stat_statements, this phase), top 8:");
        jdbc.query("SELECT calls, total_exec_time, mean_exec_time, query FROM pg_stat_statements "
                + "WHERE query NOT ILIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 8", rs -> {
            line("    %7d calls %8.0f ms total %6.2f ms each  %s", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                    BenchDatabase.abbreviate(rs.getString(4), 100));
        });
        jdbc.query("SELECT SUM(calls), SUM(total_exec_time) FROM pg_stat_statements", rs -> {
            line("    all statements: %,d calls, %.1f s", rs.getLong(1), rs.getDouble(2) / 1000);
        });
    }

    /**
     * Where the CPU goes, from the JFR execution samples of the app's request threads: by the first frame of a
     * known layer from the top of the stack, and by the first lianban frame (which of our code runs).
     */
    private void profile(File jfr) throws Exception {
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        Map<String, Integer> top = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr.toPath())) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            String thread = e.getThread("sampledThread") == null ? "" : e.getThread("sampledThread").getJavaName();
            if (thread == null || !thread.startsWith("http-nio")) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                RecordedFrame f = frames.get(0);
                top.merge(f.getMethod().getType().getName() + "." + f.getMethod().getName(), 1, Integer::sum);
            }
            layers.merge(layer(frames), 1, Integer::sum);
            for (RecordedFrame f : frames) {
                String type = f.getMethod().getType().getName();
                if (type.startsWith("cn.lianban.") && !type.contains("$$")) {
                    ours.merge(type + "." + f.getMethod().getName(), 1, Integer::sum);
                    break;
                }
            }
        }
        line("  profile (JFR, request threads, %,d samples every 10 ms): by layer", samples);
        printTop(layers, samples, 12);
        line("  innermost lianban frame on the stack:");
        printTop(ours, samples, 12);
        line("  top frames:");
        printTop(top, samples, 12);
    }

    /** The innermost frame's layer: which library the thread was working in when sampled. */
    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            if (t.startsWith("org.postgresql") || t.startsWith("com.zaxxer")) {
                return "JDBC driver / pool (waiting for PostgreSQL)";
            }
            if (t.startsWith("org.apache.ibatis")) {
                return "MyBatis (engine SQL mapping)";
            }
            if (t.startsWith("org.camunda.bpm.model") || t.startsWith("org.camunda.bpm.engine.impl.bpmn.parser")) {
                return "BPMN model / parsing";
            }
            if (t.startsWith("org.camunda.feel") || t.startsWith("org.camunda.bpm.dmn")) {
                return "DMN / FEEL";
            }
            if (t.startsWith("org.camunda.bpm.engine.rest") || t.startsWith("com.fasterxml")
                    || t.startsWith("org.glassfish.jersey") || t.startsWith("org.jvnet")) {
                return "REST layer (Jersey, Jackson)";
            }
            if (t.startsWith("org.camunda.bpm.engine.impl.el") || t.startsWith("org.camunda.bpm.impl.juel")) {
                return "expressions (JUEL)";
            }
            if (t.startsWith("org.camunda.bpm.engine")) {
                return "engine";
            }
            if (t.startsWith("cn.lianban")) {
                return "lianban code";
            }
            if (t.startsWith("org.springframework.security")) {
                return "Spring Security";
            }
            if (t.startsWith("org.thymeleaf")) {
                return "Thymeleaf";
            }
        }
        return "other (servlet container, JDK)";
    }

    private void printTop(Map<String, Integer> counts, int samples, int n) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(n).forEach(e -> line("    %5.1f %%  %s", 100.0 * e.getValue() / Math.max(1, samples),
                        e.getKey()));
    }

    private static String loadAverage() {
        try {
            return Files.readString(new File("/proc/loadavg").toPath()).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        System.out.println(s);
        report.append(s).append('\n');
    }
}
