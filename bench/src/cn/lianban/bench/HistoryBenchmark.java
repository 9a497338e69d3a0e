package cn.lianban.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.HistoryTimeToLive;
import cn.lianban.common.NightlyCleanup;

/**
 * A year of history at Longkou's scale on PostgreSQL, then nights of cleanup: does the engine's history cleanup
 * (removal-time based, batch window, application.yaml) keep the database flat, and do the pages stay fast?
 * <ol>
 * <li>Three tickets and a joint-handling case run through the deployed processes (TrailShape); their rows in every
 * {@code ACT_HI_*} table and {@code ACT_GE_BYTEARRAY} (all rows of the root instance), in {@code ticket_case},
 * {@code issue_summary} and {@code case_event} are the templates.</li>
 * <li>Set-based SQL copies them: {@code bench.instances} (500,000) finish a year, {@code bench.case-share} (a tenth)
 * of them cases; each process's copies end spread over the days its history is kept before day 0 (tickets 365,
 * cases 730, lianban.history.ttl), ids of their own, times shifted, so their removal times fall spread over the time
 * after. The engine's own queries must see a copy as it sees its template (same tasks, variables, details).</li>
 * <li>Each simulated night ({@code bench.days}): the day's new tickets and cases are added (a 365th of a year's),
 * the clock is moved to 01:00 of the next day, the cleanup job runs until it has nothing due (as the job executor
 * runs it in the window), then every module's {@link NightlyCleanup}, then PostgreSQL's autovacuum with the
 * application's per-table settings ({@code bench.vacuum=auto}; {@code manual}: a plain VACUUM).</li>
 * </ol>
 * Passes when the history's size after the nights is within {@code bench.size-tolerance} of day 0 and grew at most
 * {@code bench.level-tolerance} over the second half of the nights (it levels off), every night's cleanup fits in
 * the window with room to spare, and the pages' medians after are not slower than {@code bench.page-ratio} ×
 * before. Quick run: {@code -Dbench.instances=20000 -Dbench.days=5}.
 */
class HistoryBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The columns that hold the id of an instance-level row: a copy gets its own ({@link #copyId}). */
    private static final List<String> INSTANCE_IDS = List.of("id_", "proc_inst_id_", "root_proc_inst_id_",
            "execution_id_", "act_inst_id_", "parent_act_inst_id_", "task_id_", "parent_task_id_", "bytearray_id_",
            "var_inst_id_", "call_proc_inst_id_", "super_process_instance_id_", "super_execution_id_", "job_id_",
            "job_exception_stack_id_", "operation_id_", "dec_inst_id_", "root_dec_inst_id_", "ext_task_id_",
            "error_details_id_", "cause_incident_id_", "root_cause_incident_id_", "process_instance_id");
    private static final List<String> SIZED = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log",
            "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out", "act_ge_bytearray", "ticket_case", "issue_summary",
            "case_event");
    /** Kept three years by design (the figures), reported but not held flat. */
    private static final List<String> FIGURES = List.of("case_event", "issue_summary");

    /** Tickets and joint-handling cases finished a year (Longkou's scale). */
    private final int instances = Integer.getInteger("bench.instances", 500_000);
    /** The share of joint-handling cases in them (README: a tenth of the volume); 0 copies tickets only. */
    private final double caseShare = Double.parseDouble(System.getProperty("bench.case-share", "0.1"));
    private final int days = Integer.getInteger("bench.days", 30);
    private final int reps = Integer.getInteger("bench.reps", 20);
    private final double sizeTolerance = Double.parseDouble(System.getProperty("bench.size-tolerance", "0.05"));
    /** Levelling off: the growth over the second half of the nights at most this. */
    private final double levelTolerance = Double.parseDouble(System.getProperty("bench.level-tolerance", "0.01"));
    private final double pageRatio = Double.parseDouble(System.getProperty("bench.page-ratio", "1.5"));
    /**
     * Whether the nightly VACUUM also cleans the indexes when few rows died (INDEX_CLEANUP ON); off is what
     * autovacuum does by default: PostgreSQL 14+ skips the indexes when dead rows touch under 2 % of the pages.
     */
    private final boolean indexCleanup = Boolean.getBoolean("bench.index-cleanup");
    /**
     * Who vacuums after a night's cleanup: {@code auto} waits for PostgreSQL's autovacuum with the application's
     * per-table settings (common/CleanedTablesAutovacuum), as production runs; {@code manual} runs a plain VACUUM of
     * every measured table each night (what autovacuum would do if it came every night).
     */
    private final String vacuum = System.getProperty("bench.vacuum", "auto");
    /** How long a night waits for autovacuum before it counts as a failure. */
    private final int vacuumWaitSeconds = Integer.getInteger("bench.vacuum-wait-s", 600);
    /** A night's cleanup must take at most this share of the four-hour window. */
    private final double windowShare = Double.parseDouble(System.getProperty("bench.window-share", "0.25"));

    private final File out = new File("target/bench");
    private final StringBuilder report = new StringBuilder();

    @Test
    void cleanupKeepsTheHistoryFlatAndThePagesFast() throws Exception {
        out.mkdirs();
        File pgLog = new File(out, "postgres-history.log");
        Files.deleteIfExists(pgLog.toPath());
        // day 0: midnight of today; templates are made the evening before
        LocalDate day0 = LocalDate.now(BEIJING);
        int casesPerYear = (int) Math.round(instances * caseShare);
        int ticketsPerYear = instances - casesPerYear;
        try (BenchDatabase db = BenchDatabase.start(pgLog)) {
            ConfigurableApplicationContext app = startApp(db);
            try {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                line("lianban history benchmark, %s", Instant.now());
                line("machine: %d cores, JVM max heap %d MB, %s", Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().maxMemory() >> 20,
                        jdbc.queryForObject("SELECT split_part(version(), ',', 1)", String.class));
                HistoryTimeToLive ttl = app.getBean(HistoryTimeToLive.class);
                Kind tickets = new Kind("ticket", ticketsPerYear, ttl.days("ticket").orElseThrow());
                Kind cases = new Kind("joint-handling", casesPerYear, ttl.days("joint-handling").orElseThrow());
                line("data: %,d instances finished a year: %,d tickets (kept %d days) and %,d joint-handling cases "
                        + "(kept %d days), spread over the days before %s, then %d nights", instances, ticketsPerYear,
                        tickets.ttlDays(), casesPerYear, cases.ttlDays(), day0, days);
                line("anchor: Camunda documents the strategy, the window and at most 500 rows per table and run "
                        + "(user guide, History cleanup); it publishes no throughput figure, so ours is measured");

                TrailShape shape = new TrailShape(app);
                // the case on a Monday morning (its meeting needs a working day), the tickets the evening before day 0
                setClock(day0.minusDays(8).with(java.time.DayOfWeek.MONDAY).atTime(10, 0));
                cases.templates(jdbc, caseShare > 0 ? List.of(shape.jointHandlingCase()) : List.of());
                setClock(day0.minusDays(1).atTime(18, 0));
                tickets.templates(jdbc, List.of(shape.happyPath(), shape.returnedTwiceAndReopened(),
                        shape.timedOutAndOverdue()));
                line("templates (engine-made): tickets %s, cases %s", tickets.roots.keySet(), cases.roots.keySet());

                List<String> tables = historyTables(jdbc);
                long t0 = System.nanoTime();
                long kept = 0;
                for (Kind k : List.of(tickets, cases)) {
                    // as many as finish in the days the history keeps, their ends spread over those days
                    int count = (int) ((long) k.perYear() * k.ttlDays() / 365);
                    k.copies(jdbc, tables, 1, count, day0.minusDays(k.ttlDays()).atStartOfDay(BEIJING).toInstant(),
                            k.ttlDays());
                    kept += count;
                }
                db.vacuumAnalyze();
                line("generated %,d copies in %.0f s (set-based INSERT … SELECT per table, then VACUUM ANALYZE)",
                        kept, (System.nanoTime() - t0) / 1e9);
                checkCopies(app, tickets.roots, cases.roots);

                String port = app.getEnvironment().getProperty("local.server.port");
                BrowserSession center = BrowserSession.login("http://localhost:" + port, "center", "demo");
                setClock(day0.atTime(9, 0));
                Map<String, DashboardBenchmark.Stats> before = pages(center, tickets.newestKey());
                Map<String, Long> sizes0 = sizes(jdbc);
                // the same mix at Longkou's 500,000 a year keeps 500,000 / instances times as many
                line("history per kept instance: %.1f KB (%,d MB for %,d instances); at 500,000 a year (%,d kept) that "
                        + "is %.1f GB", history(sizes0) / 1024.0 / kept, history(sizes0) >> 20, kept,
                        kept * 500_000L / instances, history(sizes0) * (500_000.0 / instances) / (1L << 30));

                HistoryService history = app.getBean(HistoryService.class);
                ManagementService management = app.getBean(ManagementService.class);
                List<Double> nightSeconds = new ArrayList<>();
                List<Long> nightSizes = new ArrayList<>();
                List<Double> vacuumWaits = new ArrayList<>();
                if ("auto".equals(vacuum)) {
                    // a night here lasts seconds: autovacuum looks every second instead of every minute
                    jdbc.execute("ALTER SYSTEM SET autovacuum_naptime = '1s'");
                    jdbc.execute("SELECT pg_reload_conf()");
                    line("vacuum: PostgreSQL's autovacuum with the application's per-table settings (naptime 1 s); "
                            + "each night waits until it has nothing left to do, at most %d s", vacuumWaitSeconds);
                } else {
                    line("vacuum: a plain VACUUM%s of the measured tables after each night", indexCleanup
                            ? " (INDEX_CLEANUP ON)" : "");
                }
                line("%n%-12s %10s %8s %8s %10s %10s %12s %12s", "night", "removed", "added", "runs", "cleanup s",
                        "vacuum s", "history MB", "database MB");
                for (int d = 0; d < days; d++) {
                    int added = 0;
                    for (Kind k : List.of(tickets, cases)) {
                        added += k.copies(jdbc, tables, k.next, k.perYear() / 365,
                                day0.plusDays(d).atTime(8, 0).atZone(BEIJING).toInstant(), 1);
                    }
                    setClock(day0.plusDays(d + 1).atTime(1, 0));
                    long before0 = jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst", Long.class);
                    long n0 = System.nanoTime();
                    int runs = cleanUp(history, management);
                    Instant now = ClockUtil.getCurrentTime().toInstant();
                    app.getBeansOfType(NightlyCleanup.class).values().forEach(c -> c.cleanUp(now));
                    double seconds = (System.nanoTime() - n0) / 1e9;
                    nightSeconds.add(seconds);
                    long after = jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst", Long.class);
                    double waited = vacuumAfterNight(jdbc);
                    vacuumWaits.add(waited);
                    Map<String, Long> s = sizes(jdbc);
                    nightSizes.add(history(s));
                    line("%-12s %,10d %,8d %8d %10.1f %10.1f %,12d %,12d", day0.plusDays(d + 1), before0 - after,
                            added, runs, seconds, waited, history(s) >> 20, s.get("database") >> 20);
                }
                db.vacuumAnalyze();
                setClock(day0.plusDays(days).atTime(9, 0));
                Map<String, DashboardBenchmark.Stats> afterPages = pages(center, tickets.newestKey());
                Map<String, Long> sizesN = sizes(jdbc);

                boolean vacuumed = vacuumWaits.stream().allMatch(w -> w < vacuumWaitSeconds);
                if (!vacuumed) {
                    line("autovacuum left dead rows after %d s on some night: FAIL", vacuumWaitSeconds);
                }
                boolean pass = vacuumed && verdict(sizes0, sizesN, nightSizes, before, afterPages, nightSeconds,
                        perNight(tickets, cases));
                Files.writeString(new File(out, "history-report.txt").toPath(), report, StandardCharsets.UTF_8);
                System.out.println("\nreport: target/bench/history-report.txt");
                assertThat(pass).as("history flat, nights within the window, pages as fast").isTrue();
            } finally {
                ClockUtil.reset();
                app.close();
            }
        }
    }

    /**
     * After a night's cleanup: a plain VACUUM ({@code manual}), or waiting until autovacuum has nothing left to do
     * ({@code auto}): every measured table holds at most as many dead rows as its own trigger (threshold + scale
     * factor × rows, from its options or PostgreSQL's defaults). Returns the seconds it took.
     */
    private double vacuumAfterNight(JdbcTemplate jdbc) throws InterruptedException {
        long t0 = System.nanoTime();
        if (!"auto".equals(vacuum)) {
            jdbc.execute("VACUUM " + (indexCleanup ? "(INDEX_CLEANUP ON) " : "") + String.join(", ", SIZED));
            return (System.nanoTime() - t0) / 1e9;
        }
        String pending = "SELECT COUNT(*) FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
                + "WHERE s.relname IN (" + SIZED.stream().map(t -> "'" + t + "'").collect(Collectors.joining(","))
                + ") AND s.n_dead_tup > " + tableSetting("autovacuum_vacuum_threshold") + " + "
                + tableSetting("autovacuum_vacuum_scale_factor") + " * GREATEST(c.reltuples, 0)";
        // the deleting sessions report their dead rows to the statistics within a second or so
        Thread.sleep(2000);
        while (jdbc.queryForObject(pending, Long.class) > 0) {
            if ((System.nanoTime() - t0) / 1e9 >= vacuumWaitSeconds) {
                break;
            }
            Thread.sleep(1000);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** SQL: the table {@code c}'s own value of an autovacuum setting, else the server's. */
    private static String tableSetting(String name) {
        return "COALESCE((SELECT split_part(o, '=', 2)::float FROM unnest(c.reloptions) o WHERE o LIKE '" + name
                + "=%'), current_setting('" + name + "')::float)";
    }

    private ConfigurableApplicationContext startApp(BenchDatabase db) {
        // the benchmark runs the cleanup job itself, night by night, on the moved clock
        return BenchApp.start(db, "latest", "--camunda.bpm.job-execution.enabled=false", "--lianban.time-light.scheduler-enabled=false", "--lianban.retention.scheduler-enabled=false");
    }

    private static void setClock(java.time.LocalDateTime beijing) {
        ClockUtil.setCurrentTime(Date.from(beijing.atZone(BEIJING).toInstant()));
    }

    /** Every history table that holds rows of a root instance (ACT_HI_* and the byte arrays of variables). */
    private static List<String> historyTables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT table_name FROM information_schema.columns WHERE column_name = "
                + "'root_proc_inst_id_' AND table_schema = current_schema() AND (table_name LIKE 'act_hi_%' "
                + "OR table_name = 'act_ge_bytearray') ORDER BY 1", String.class);
    }

    private static int perNight(Kind... kinds) {
        return java.util.Arrays.stream(kinds).mapToInt(k -> k.perYear() / 365).sum();
    }

    /**
     * One process's templates and copies: copy g takes template g mod n, its ids {@link #copyId} and its business key the
     * template's prefix with 2025-1nnnnnn.
     */
    private final class Kind {
        private final String key;
        private final int perYear;
        private final int ttlDays;
        private final Map<String, String> roots = new LinkedHashMap<>();
        private Timestamp templateEnd;
        /** The number of the next copy. */
        private int next = 1;

        Kind(String key, int perYear, int ttlDays) {
            this.key = key;
            this.perYear = perYear;
            this.ttlDays = ttlDays;
        }

        int perYear() {
            return roots.isEmpty() ? 0 : perYear;
        }

        int ttlDays() {
            return ttlDays;
        }

        void templates(JdbcTemplate jdbc, List<String> businessKeys) {
            for (String businessKey : businessKeys) {
                roots.put(businessKey, jdbc.queryForObject("SELECT id_ FROM act_hi_procinst WHERE business_key_ = ?",
                        String.class, businessKey));
            }
            if (!roots.isEmpty()) {
                templateEnd = jdbc.queryForObject("SELECT MAX(end_time_) FROM act_hi_procinst WHERE id_ IN ("
                        + inList() + ")", Timestamp.class);
            }
        }

        private String inList() {
            return roots.values().stream().map(r -> "'" + r + "'").collect(Collectors.joining(","));
        }

        /** The newest copy's business key. */
        String newestKey() {
            return roots.keySet().iterator().next().substring(0, 3) + "2025-" + (1000000 + next - 1);
        }

        /**
         * Copies {@code count} instances numbered from {@code first}: copy g ends at {@code from} + (g - first) ×
         * {@code spanDays} / count, every timestamp of its template shifted by the same amount. Returns count.
         */
        int copies(JdbcTemplate jdbc, List<String> tables, int first, int count, Instant from, int spanDays) {
            if (roots.isEmpty() || count == 0) {
                return 0;
            }
            jdbc.execute("DROP TABLE IF EXISTS bench_copy");
            jdbc.update("CREATE UNLOGGED TABLE bench_copy AS SELECT g, (ARRAY[" + inList() + "])[1 + g % "
                    + roots.size() + "] AS tmpl, ?::timestamp + (g - ?) * (? * INTERVAL '1 day') / ? - ?::timestamp "
                    + "AS shift FROM generate_series(?, ?) g", Timestamp.from(from), first, spanDays, count,
                    templateEnd, first, first + count - 1);
            jdbc.execute("CREATE INDEX ON bench_copy (tmpl)");
            jdbc.execute("ANALYZE bench_copy");
            for (String table : tables) {
                copyRows(jdbc, table, "x.root_proc_inst_id_ = b.tmpl");
            }
            // the project's rows of the same instances, found through their instance
            for (String table : List.of("ticket_case", "issue_summary", "case_event")) {
                copyRows(jdbc, table, "x.process_instance_id = b.tmpl");
            }
            next = first + count;
            return count;
        }
    }

    private void copyRows(JdbcTemplate jdbc, String table, String join) {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        jdbc.query("SELECT column_name, data_type, is_identity FROM information_schema.columns WHERE table_name = ? "
                + "AND table_schema = current_schema() ORDER BY ordinal_position", rs -> {
            String c = rs.getString(1);
            String type = rs.getString(2);
            if ("YES".equals(rs.getString(3))) {
                return;
            }
            columns.add(c);
            if (INSTANCE_IDS.contains(c)) {
                values.add(copyIdSql("x." + c, "b.g"));
            } else if (c.equals("business_key_") || c.equals("business_key") || c.equals("proc_inst_business_key_")) {
                // the template's prefix (TK-, JH-)
                values.add("CASE WHEN x." + c + " IS NULL THEN NULL ELSE LEFT(x." + c + ", 3) || '2025-' || "
                        + "(1000000 + b.g) END");
            } else if (type.startsWith("timestamp")) {
                values.add("x." + c + " + b.shift");
            } else {
                values.add("x." + c);
            }
        }, table);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", values) + " FROM " + table + " x JOIN bench_copy b ON " + join;
        long t0 = System.nanoTime();
        int rows = jdbc.update(sql);
        if (rows > 10_000) {
            System.out.printf("  %-20s %,12d rows %7.1f s%n", table, rows, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * The id of copy {@code g} of a row's id: the MD5 of "id-g" in hex, the same in every column and table. Scattered
     * over the key space like the engine's own ids (time-based UUIDs start with the clock's low 32 bits, which wrap
     * every seven minutes), so the indexes fill and free their pages as a year of real inserts would. The former
     * "id-g" kept each template's copies side by side in every id index: the day's new copies split full pages next
     * to their template while the freed entries of old copies lay elsewhere, and the indexes grew night after night.
     */
    static String copyIdSql(String id, String g) {
        return "md5(" + id + " || '-' || " + g + ")";
    }

    static String copyId(String id, int g) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("MD5")
                    .digest((id + "-" + g).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's own API must see a copy as it sees its template. */
    @SafeVarargs
    private void checkCopies(ConfigurableApplicationContext app, Map<String, String>... kinds) {
        HistoryService history = app.getBean(HistoryService.class);
        List<String> differences = new ArrayList<>();
        for (Map<String, String> roots : kinds) {
            List<String> templates = new ArrayList<>(roots.values());
            for (int copy = 1; copy <= templates.size(); copy++) {
                // copy g takes template g mod n
                String template = templates.get(copy % templates.size());
                long[] t = counts(history, template);
                long[] c = counts(history, copyId(template, copy));
                if (!java.util.Arrays.equals(t, c)) {
                    differences.add(copyId(template, copy) + ": " + java.util.Arrays.toString(c) + " vs "
                            + java.util.Arrays.toString(t));
                }
            }
        }
        line("copies seen by the engine's queries (instance, activities, tasks, variables, details, "
                + "operation log): %s", differences.isEmpty() ? "as their templates" : differences);
        assertThat(differences).as("copies look like engine-made instances").isEmpty();
    }

    private static long[] counts(HistoryService h, String root) {
        return new long[] {
            h.createHistoricProcessInstanceQuery().processInstanceId(root).finished().count(),
            h.createHistoricActivityInstanceQuery().processInstanceId(root).count(),
            h.createHistoricTaskInstanceQuery().processInstanceId(root).count(),
            h.createHistoricVariableInstanceQuery().processInstanceId(root).count(),
            h.createHistoricDetailQuery().processInstanceId(root).count(),
            h.createUserOperationLogQuery().processInstanceId(root).count()};
    }

    /** Runs the cleanup job while it is due, as the job executor would in the window; returns the runs. */
    private static int cleanUp(HistoryService history, ManagementService management) {
        history.cleanUpHistoryAsync(true);
        int runs = 0;
        for (int i = 0; i < 100_000; i++) {
            Date now = ClockUtil.getCurrentTime();
            List<Job> due = history.findHistoryCleanupJobs().stream()
                    .filter(j -> j.getDuedate() != null && !j.getDuedate().after(now)).toList();
            if (due.isEmpty()) {
                break;
            }
            for (Job j : due) {
                management.executeJob(j.getId());
                runs++;
            }
        }
        return runs;
    }

    private Map<String, DashboardBenchmark.Stats> pages(BrowserSession center, String recentKey) throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("case page of a recent ticket", "/cases/" + recentKey);
        targets.put("我的事项 (center: newest first)", "/cases");
        targets.put("dashboard", "/dashboard");
        for (String path : targets.values()) {
            center.get(path);
            center.get(path);
        }
        Map<String, double[]> times = new LinkedHashMap<>();
        for (int i = 0; i < reps; i++) {
            for (Map.Entry<String, String> t : targets.entrySet()) {
                times.computeIfAbsent(t.getKey(), k -> new double[reps])[i] = center.get(t.getValue()).millis();
            }
        }
        Map<String, DashboardBenchmark.Stats> stats = new LinkedHashMap<>();
        times.forEach((name, ms) -> stats.put(name, DashboardBenchmark.Stats.of(ms)));
        return stats;
    }

    private static Map<String, Long> sizes(JdbcTemplate jdbc) {
        Map<String, Long> s = new LinkedHashMap<>();
        for (String t : SIZED) {
            s.put(t, jdbc.queryForObject("SELECT pg_total_relation_size(?::regclass)", Long.class, t));
        }
        s.put("database", jdbc.queryForObject("SELECT pg_database_size(current_database())", Long.class));
        return s;
    }

    /** What the engine's cleanup and ticket_case's rule keep flat; the figures are kept three years, by design. */
    private static long history(Map<String, Long> s) {
        return s.entrySet().stream().filter(e -> !FIGURES.contains(e.getKey()) && !e.getKey().equals("database"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private boolean verdict(Map<String, Long> s0, Map<String, Long> sN, List<Long> nightSizes,
                            Map<String, DashboardBenchmark.Stats> before, Map<String, DashboardBenchmark.Stats> after,
                            List<Double> nights, int perNight) {
        line("%nsizes (MB) at day 0 → after %d nights:", days);
        for (String t : s0.keySet()) {
            line("  %-22s %,10d → %,10d  (%+.1f %%)", t, s0.get(t) >> 20, sN.get(t) >> 20,
                    100.0 * (sN.get(t) - s0.get(t)) / Math.max(1, s0.get(t)));
        }
        double growth = (double) (history(sN) - history(s0)) / history(s0);
        boolean flat = growth <= sizeTolerance;
        line("history (ACT_HI_*, byte arrays, ticket_case): %+.2f %% (limit %+.0f %%) %s", 100 * growth,
                100 * sizeTolerance, flat ? "flat" : "GROWS");
        // the files first grow while freed pages are scattered, then the freed space is reused: the second half of
        // the nights must show it
        long middle = nightSizes.get(nightSizes.size() / 2);
        double late = (double) (nightSizes.get(nightSizes.size() - 1) - middle) / middle;
        boolean levels = late <= levelTolerance;
        line("levelling off: %+.2f %% over the last %d nights (limit %+.0f %%) %s", 100 * late,
                nightSizes.size() - 1 - nightSizes.size() / 2, 100 * levelTolerance, levels ? "levels off" : "STILL GROWS");
        double worst = nights.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double median = nights.stream().sorted().toList().get(nights.size() / 2);
        boolean fits = worst <= windowShare * 4 * 3600;
        line("a night's cleanup (engine and project tables, %,d tickets and cases): median %.1f s, worst %.1f s; limit %.0f s "
                + "(%.0f %% of the 4-hour window) %s", perNight, median, worst, windowShare * 4 * 3600,
                100 * windowShare, fits ? "fits" : "DOES NOT FIT");
        line("%npages as the city center, median / p95 ms, before → after the nights (same run):");
        boolean fast = true;
        for (String name : before.keySet()) {
            DashboardBenchmark.Stats b = before.get(name);
            DashboardBenchmark.Stats a = after.get(name);
            boolean ok = a.median() <= Math.max(pageRatio * b.median(), b.median() + 20);
            fast &= ok;
            line("  %-34s %6.0f / %6.0f → %6.0f / %6.0f  ratio %.2f %s", name, b.median(), b.p95(), a.median(),
                    a.p95(), a.median() / b.median(), ok ? "" : "SLOWER");
        }
        boolean pass = flat && levels && fits && fast;
        line("%n%s", pass ? "PASS" : "FAIL");
        return pass;
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
