package cn.lianban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.ChildApp;
import cn.lianban.support.TicketDriver;

/**
 * Escalation timers in bulk: 10,000 tickets wait for their department to accept, and all their 24-hour accept
 * timers fall due at the same moment. Each timer moves its ticket to the street desk (event ACCEPT_TIMEOUT,
 * mails, a new task): the benchmark times how long one node, then two nodes on the same PostgreSQL, take to
 * fire them all, and checks that every ticket moved exactly once.
 * <p>
 * The timers are made by the real process: this JVM runs the application with its job executor off and raises
 * the tickets through the engine's API; the nodes that fire them are separate JVMs ({@link ChildApp}) with
 * the settings of application.yaml. The timers are then made due with one UPDATE of their due date, as if a
 * day had passed. Phases, each on a fresh batch of tickets: Camunda's default job executor settings on one
 * node (the "before"), the project's settings on one node, and on two nodes. Passes when the project's settings
 * fire them within 60 s on one node and 35 s on two. See bench/README.md, "Timer benchmark".
 */
class TimerBenchmark {

    private final int timers = Integer.getInteger("bench.timers", 10_000);
    private final int raisers = Integer.getInteger("bench.raisers", 4);
    /** Timers of the "before" phase with Camunda's defaults (0 skips it): fewer, as it only gives the rate. */
    private final int baselineTimers = Integer.getInteger("bench.timers.baseline", 3_000);
    private final double oneNodeLimit = Double.parseDouble(System.getProperty("bench.timers.one-node-s", "60"));
    private final double twoNodesLimit = Double.parseDouble(System.getProperty("bench.timers.two-nodes-s", "35"));
    /**
     * A variant of the project's settings to compare with in the same run (Spring arguments separated by spaces,
     * e.g. {@code --camunda.bpm.job-execution.queue-capacity=32}): one node runs a batch with them before the
     * project's own phases; empty skips it.
     */
    private final String[] variant = System.getProperty("bench.timers.variant", "").isBlank() ? new String[0]
            : System.getProperty("bench.timers.variant").trim().split("\\s+");
    /** The nodes' JVM: as in the Docker image, with a heap a 1 GB container would give (75 %). */
    private final List<String> nodeJvm = List.of(System.getProperty("bench.node-jvm",
            "-Xmx768m -XX:+ExitOnOutOfMemoryError").split("\\s+"));

    /** Camunda 7.24's own job executor settings (Spring Boot starter), for the "before" phase. */
    private static final String[] CAMUNDA_DEFAULTS = {
            "--camunda.bpm.job-execution.core-pool-size=3", "--camunda.bpm.job-execution.max-pool-size=10",
            "--camunda.bpm.job-execution.queue-capacity=3", "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
            "--camunda.bpm.job-execution.wait-time-in-millis=5000", "--camunda.bpm.job-execution.max-wait=60000",
            "--camunda.bpm.job-execution.lock-time-in-millis=300000",
            "--camunda.bpm.job-execution.backoff-time-in-millis=0", "--camunda.bpm.job-execution.max-backoff=0",
            "--camunda.bpm.generic-properties.properties.jobExecutorPreferTimerJobs=false",
            "--camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate=false",
            "--camunda.bpm.generic-properties.properties.jobExecutorAcquireByPriority=false"};

    private final File out = new File("target/bench");
    /** The database's JDBC URL: its port finds the server's processes for their CPU time. */
    private String dbUrl;
    private final StringBuilder report = new StringBuilder();

    private record Phase(String name, int nodes, double limitSeconds, double seconds, double first, int fired,
                         int moved, int twice, int failed, Map<String, Integer> byNode, double nodeCpuSeconds,
                         double dbCpuSeconds) {
        double perSecond() {
            return fired / seconds;
        }

        /** Milliseconds of CPU per timer, the nodes' and PostgreSQL's together. */
        double cpuPerTimer() {
            return (nodeCpuSeconds + dbCpuSeconds) * 1e3 / moved;
        }

        boolean pass() {
            return fired == moved && twice == 0 && failed == 0 && (limitSeconds <= 0 || seconds <= limitSeconds);
        }
    }

    @Test
    void escalationTimersFireInTime() throws Exception {
        out.mkdirs();
        File pgLog = new File(out, "postgres-timers.log");
        Files.deleteIfExists(pgLog.toPath());
        List<Phase> phases = new ArrayList<>();
        List<ChildApp> nodes = new ArrayList<>();
        try (BenchDatabase db = BenchDatabase.start(pgLog)) {
            dbUrl = db.jdbcUrl();
            ConfigurableApplicationContext raiser = startRaiser(db);
            try {
                JdbcTemplate jdbc = raiser.getBean(JdbcTemplate.class);
                // which tickets each phase raised, to find their jobs, tasks and events
                jdbc.execute("CREATE TABLE bench_timer (phase INT, proc_inst_id VARCHAR(64), business_key VARCHAR(32))");
                jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                line("lianban timer benchmark, %s", Instant.now());
                line("machine: %d cores, load average %s, %s; nodes: separate JVMs %s", Runtime.getRuntime()
                        .availableProcessors(), loadAverage(), jdbc.queryForObject(
                        "SELECT split_part(version(), ',', 1)", String.class), String.join(" ", nodeJvm));
                line("each phase: %,d tickets (%,d with Camunda's defaults) raised through the engine, their accept "
                        + "timers (24小时未接单) made due at once", timers, baselineTimers);
                int phase = 0;
                if (baselineTimers > 0) {
                    ChildApp before = startNode(db, "timers-defaults", CAMUNDA_DEFAULTS);
                    try {
                        phases.add(run(raiser, ++phase, "1 node, Camunda's defaults", List.of(before), baselineTimers,
                                0));
                    } finally {
                        before.kill();
                    }
                }
                if (variant.length > 0) {
                    ChildApp other = startNode(db, "timers-variant", variant);
                    try {
                        phases.add(run(raiser, ++phase, "1 node, application.yaml with " + String.join(" ", variant),
                                List.of(other), timers, 0));
                    } finally {
                        other.kill();
                    }
                }
                nodes.add(startNode(db, "timers-a"));
                phases.add(run(raiser, ++phase, "1 node, application.yaml", nodes, timers, oneNodeLimit));
                nodes.add(startNode(db, "timers-b"));
                phases.add(run(raiser, ++phase, "2 nodes, application.yaml", nodes, timers, twoNodesLimit));
                boolean pass = verdict(phases);
                Files.writeString(new File(out, "report-timers.txt").toPath(), report, StandardCharsets.UTF_8);
                System.out.println("\nreport: target/bench/report-timers.txt; node logs: target/child-timers-*.log");
                assertThat(pass).as("all timers fire once, within %.0f s on one node and %.0f s on two",
                        oneNodeLimit, twoNodesLimit).isTrue();
            } finally {
                for (ChildApp node : nodes) {
                    node.kill();
                }
                raiser.close();
            }
        }
    }

    /** This JVM's application: raises the tickets; its job executor is off, so it fires nothing. */
    private ConfigurableApplicationContext startRaiser(BenchDatabase db) {
        return BenchApp.start(db, "latest", "--camunda.bpm.job-execution.enabled=false", "--lianban.time-light.scheduler-enabled=false");
    }

    /** A node as production runs it (profile postgres, application.yaml), plus the given settings. */
    private ChildApp startNode(BenchDatabase db, String name, String... settings) throws Exception {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--lianban.time-light.scheduler-enabled=false", "--logging.level.root=WARN"));
        args.addAll(List.of(settings));
        long t0 = System.nanoTime();
        ChildApp node = ChildApp.start(name, nodeJvm, args.toArray(String[]::new)).awaitUp(Duration.ofMinutes(5));
        System.out.printf("node %s up in %.0f s%n", name, (System.nanoTime() - t0) / 1e9);
        return node;
    }

    private Phase run(ConfigurableApplicationContext raiser, int phase, String name, List<ChildApp> nodes,
                      int count, double limitSeconds) throws Exception {
        JdbcTemplate jdbc = raiser.getBean(JdbcTemplate.class);
        System.out.printf("%n== phase %d: %s ==%n", phase, name);
        raise(raiser, phase, count);
        // the tables grew by 10,000 tickets in a minute; fresh statistics, as autovacuum would give them, keep the
        // nodes' cached plans from scanning (a generic plan made while ACT_RU_VARIABLE was small read it whole)
        jdbc.execute("ANALYZE");
        String jobs = "SELECT j.id_ FROM act_ru_job j JOIN bench_timer b ON b.proc_inst_id = j.process_instance_id_ "
                + "WHERE b.phase = " + phase;
        int waiting = count(jdbc, "SELECT COUNT(*) FROM (" + jobs + ") j");
        assertThat(waiting).as("one accept timer per ticket").isEqualTo(count);
        jdbc.queryForList("SELECT pg_stat_statements_reset()");
        double[] cpu0 = nodes.stream().mapToDouble(n -> n.cpuTime().toMillis() / 1e3).toArray();
        Map<Long, Double> db0 = postgresCpu(dbUrl);
        long[] machine0 = machineTicks();

        // a day has passed: every timer of the batch is due now
        long t0 = System.nanoTime();
        int moved = jdbc.update("UPDATE act_ru_job SET duedate_ = ? WHERE id_ IN (" + jobs + ")",
                Timestamp.from(Instant.now().minusSeconds(60)));
        int left = moved;
        int reported = 0;
        double first = -1;
        double limit = Math.max(limitSeconds, 60) * 5;
        double seconds = 0;
        while (left > 0) {
            // once a second: each count reads the batch's jobs (5 ms), and five a second were 15 % of the
            // database's CPU while the timers fired
            Thread.sleep(1000);
            int before = left;
            left = count(jdbc, "SELECT COUNT(*) FROM (" + jobs + ") j");
            seconds = (System.nanoTime() - t0) / 1e9;
            if (first < 0 && left < moved) {
                // how long the idle node took to notice that timers had fallen due
                first = seconds;
                System.out.printf("  first fired after %.1f s%n", first);
            }
            int done = (moved - left) * 4 / moved;
            if (done > reported) {
                reported = done;
                System.out.printf("  %3d %% fired after %5.1f s%n", done * 25, seconds);
            }
            // stuck: every job left has failed (looked at only when none fired in the last second)
            if (seconds > limit || left > 0 && left == before && count(jdbc, "SELECT COUNT(*) FROM act_ru_job j "
                    + "WHERE j.id_ IN (" + jobs + ") AND j.exception_msg_ IS NOT NULL") == left) {
                break;
            }
        }
        double nodeCpu = 0;
        for (int i = 0; i < nodes.size(); i++) {
            nodeCpu += nodes.get(i).cpuTime().toMillis() / 1e3 - cpu0[i];
        }
        double busy = busyFraction(machine0, machineTicks());
        double dbCpu = 0;
        for (Map.Entry<Long, Double> backend : postgresCpu(dbUrl).entrySet()) {
            dbCpu += backend.getValue() - db0.getOrDefault(backend.getKey(), 0.0);
        }
        Phase result = check(jdbc, phase, name, nodes.size(), limitSeconds, seconds, first, moved, nodeCpu, dbCpu);
        line("%s: %,d of %,d timers fired in %.1f s (%.0f per second); by node %s; %d fired twice, %d failed",
                name, result.fired, moved, seconds, result.perSecond(), result.byNode, result.twice, result.failed);
        line("  CPU: the node JVMs used %.0f s (%.1f cores), PostgreSQL %.0f s (%.1f cores), the machine was %.0f %% "
                + "busy (all processes, load average %s)", nodeCpu, nodeCpu / seconds, dbCpu, dbCpu / seconds,
                busy * 100, loadAverage());
        line("  CPU per timer: nodes %.2f ms, PostgreSQL %.2f ms; at that cost %d cores of their own would fire the "
                + "batch in %.0f s", nodeCpu * 1e3 / moved, dbCpu * 1e3 / moved, Runtime.getRuntime()
                .availableProcessors(), (nodeCpu + dbCpu) / Runtime.getRuntime().availableProcessors());
        topStatements(jdbc, moved);
        return result;
    }

    /** Raises the batch's tickets through the engine, several at a time, across the demo's communities. */
    private void raise(ConfigurableApplicationContext raiser, int phase, int count) throws Exception {
        RuntimeService runtime = raiser.getBean(RuntimeService.class);
        JdbcTemplate jdbc = raiser.getBean(JdbcTemplate.class);
        List<Map<String, Object>> grids = jdbc.queryForList("SELECT code, community_code FROM grid ORDER BY code");
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(raisers);
        try {
            List<Future<List<Object[]>>> parts = new ArrayList<>();
            for (int t = 0; t < raisers; t++) {
                parts.add(pool.submit(() -> {
                    List<Object[]> rows = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        Map<String, Object> grid = grids.get(i % grids.size());
                        Map<String, Object> v = new HashMap<>(TicketDriver.ticket(
                                "communityCode", grid.get("community_code"), "gridCode", grid.get("code")));
                        ProcessInstance pi = runtime.startProcessInstanceByKey("ticket", v);
                        rows.add(new Object[]{phase, pi.getId(), pi.getBusinessKey()});
                        if (i > 0 && i % 2000 == 0) {
                            System.out.printf("  raised %,d tickets in %.0f s%n", i, (System.nanoTime() - t0) / 1e9);
                        }
                    }
                    return rows;
                }));
            }
            for (Future<List<Object[]>> part : parts) {
                jdbc.batchUpdate("INSERT INTO bench_timer (phase, proc_inst_id, business_key) VALUES (?, ?, ?)",
                        part.get());
            }
        } finally {
            pool.shutdownNow();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        line("raised %,d tickets in %.0f s (%.0f per second, %d threads, through the engine's API)", count, s,
                count / s, raisers);
    }

    /**
     * Every ticket of the batch moved once: exactly one ACCEPT_TIMEOUT event, one successful run of its timer
     * in the job log, and one open task, the street desk's 街道协调派单.
     */
    private Phase check(JdbcTemplate jdbc, int phase, String name, int nodes, double limitSeconds, double seconds,
                        double first, int moved, double cpu, double dbCpu) {
        String batch = "FROM bench_timer b WHERE b.phase = " + phase;
        int fired = count(jdbc, "SELECT COUNT(*) " + batch + " AND EXISTS (SELECT 1 FROM act_ru_task t "
                + "WHERE t.proc_inst_id_ = b.proc_inst_id AND t.task_def_key_ = 'redispatch')");
        int twice = count(jdbc, "SELECT COUNT(*) " + batch + " AND ((SELECT COUNT(*) FROM case_event e "
                + "WHERE e.business_key = b.business_key AND e.action = 'ACCEPT_TIMEOUT') > 1 "
                + "OR (SELECT COUNT(*) FROM act_ru_task t WHERE t.proc_inst_id_ = b.proc_inst_id) > 1 "
                + "OR (SELECT COUNT(*) FROM act_hi_job_log l WHERE l.process_instance_id_ = b.proc_inst_id "
                + "AND l.job_def_type_ = 'timer-transition' AND l.job_state_ = 2) > 1)");
        int events = count(jdbc, "SELECT COUNT(*) " + batch + " AND (SELECT COUNT(*) FROM case_event e "
                + "WHERE e.business_key = b.business_key AND e.action = 'ACCEPT_TIMEOUT') = 1");
        assertThat(events).as("tickets with one ACCEPT_TIMEOUT event, in %s", name).isEqualTo(fired);
        int failed = count(jdbc, "SELECT COUNT(*) FROM act_ru_job j JOIN bench_timer b ON b.proc_inst_id = "
                + "j.process_instance_id_ WHERE b.phase = " + phase + " AND j.exception_msg_ IS NOT NULL");
        Map<String, Integer> byNode = new LinkedHashMap<>();
        jdbc.query("SELECT l.hostname_, COUNT(*) FROM act_hi_job_log l JOIN bench_timer b ON b.proc_inst_id = "
                + "l.process_instance_id_ WHERE b.phase = ? AND l.job_state_ = 2 GROUP BY l.hostname_ ORDER BY 1",
                rs -> {
                    byNode.put(rs.getString(1), rs.getInt(2));
                }, phase);
        return new Phase(name, nodes, limitSeconds, seconds, first, fired, moved, twice, failed, byNode, cpu, dbCpu);
    }

    /** Where the database time went while the timers fired. */
    private void topStatements(JdbcTemplate jdbc, int timers) {
        // the nodes' statements: not the benchmark's own counting (bench_timer) and reading of the statistics
        String nodes = "FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%' "
                + "AND query NOT ILIKE '%bench_timer%'";
        jdbc.query("SELECT SUM(calls), SUM(total_exec_time), SUM(total_plan_time) " + nodes, rs -> {
            line("  database while firing (pg_stat_statements): %,d statements, %.1f per timer; executing %.0f ms, "
                    + "%.2f ms per timer; planning %.0f ms, %.2f ms per timer", rs.getLong(1),
                    rs.getLong(1) / (double) timers, rs.getDouble(2), rs.getDouble(2) / timers, rs.getDouble(3),
                    rs.getDouble(3) / timers);
        });
        line("  top 8 by total time:");
        jdbc.query("SELECT calls, total_exec_time, mean_exec_time, query " + nodes
                + " ORDER BY total_exec_time DESC LIMIT 8", rs -> {
            line("    %7d calls %8.0f ms total %6.2f ms each  %s", rs.getLong(1), rs.getDouble(2), rs.getDouble(3),
                    BenchDatabase.abbreviate(rs.getString(4), 100));
        });
        // what one timer sends, by count: each statement sent at least once per two timers
        line("  statements a timer sends (calls per timer):");
        jdbc.query("SELECT calls, query " + nodes + " AND calls >= ? ORDER BY calls DESC, query", rs -> {
            line("    %5.1f  %s", rs.getLong(1) / (double) timers, BenchDatabase.abbreviate(rs.getString(2), 110));
        }, timers / 2);
    }

    private boolean verdict(List<Phase> phases) {
        line("%n| phase | timers | first fired after | all fired in | per second | nodes' CPU | PostgreSQL CPU | "
                + "CPU per timer | limit | result |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        line("| issue #12 anchor: 1 node, Camunda's defaults, PostgreSQL 15 | 8,000 | | 91 s | 88 | | | | | |");
        boolean pass = true;
        for (Phase p : phases) {
            boolean ok = p.pass();
            pass &= ok;
            line("| %s | %,d | %.1f s | %.1f s | %.0f | %.0f s | %.0f s | %.1f ms | %s | %s |", p.name, p.fired,
                    p.first, p.seconds, p.perSecond(), p.nodeCpuSeconds, p.dbCpuSeconds, p.cpuPerTimer(),
                    p.limitSeconds > 0 ? String.format("%.0f s", p.limitSeconds) : "—",
                    p.limitSeconds > 0 ? (ok ? "pass" : "**FAIL**") : (ok ? "(reference)" : "(reference, incomplete)"));
        }
        Phase one = phases.stream().filter(p -> p.name.equals("1 node, application.yaml")).findFirst().orElseThrow();
        Phase two = phases.stream().filter(p -> p.nodes == 2).findFirst().orElseThrow();
        phases.stream().filter(p -> p.name.equals("1 node, Camunda's defaults")).findFirst().ifPresent(before -> line(
                "%nratio, project's settings vs Camunda's defaults on one node: %.2f× the rate", one.perSecond()
                        / before.perSecond()));
        phases.stream().filter(p -> p.name.contains(" with ")).findFirst().ifPresent(other -> line(
                "ratio, project's settings vs %s: %.2f× the rate, %.2f× the CPU per timer", other.name,
                one.perSecond() / other.perSecond(), one.cpuPerTimer() / other.cpuPerTimer()));
        line("ratio, two nodes vs one node (project's settings): %.2f× the rate", two.perSecond() / one.perSecond());
        line("%n%s", pass ? "PASS: every timer fired once, within the limits"
                : "FAIL: a timer fired twice or not at all, or a limit was missed");
        return pass;
    }

    private static int count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * CPU seconds so far of the benchmark's PostgreSQL server and its backends, by process id (a backend's time
     * counts from the first reading that sees it). pg_ctl detaches the server from this JVM, so it is found by
     * its port among the machine's postgres processes (other helpers may run their own).
     */
    private static Map<Long, Double> postgresCpu(String jdbcUrl) {
        String port = "-p " + jdbcUrl.replaceAll(".*:(\\d+)/.*", "$1");
        Map<Long, Double> cpu = new HashMap<>();
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                        && String.join(" ", p.info().arguments().orElse(new String[0])).contains(port + " "))
                .forEach(server -> Stream.concat(Stream.of(server),
                        server.descendants()).forEach(p -> cpu.put(p.pid(),
                        p.info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(0.0))));
        return cpu;
    }

    /** Busy and total jiffies of all cores, from /proc/stat (zero where there is none). */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    private static double busyFraction(long[] from, long[] to) {
        long total = to[1] - from[1];
        return total == 0 ? 0 : (double) (to[0] - from[0]) / total;
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
