package cn.lianban.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL 17 the benchmark runs on, and the set-based SQL scripts that fill it (bench/sql).
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private BenchDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Settings a small production server would have (the defaults are sized for a laptop from 2005), plus the
     * statistics extensions: pg_stat_statements says which statements the dashboard spends its time in, and
     * auto_explain (off until {@link #explainSlowStatements}; settings given here on the command line could not
     * be changed later) logs their plans.
     */
    static BenchDatabase start(File log) throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("effective_cache_size", "2GB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "30min")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                .setServerConfig("pg_stat_statements.track_planning", "on")
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log))
                .start();
        return new BenchDatabase(pg);
    }

    /** With bench.hold-minutes, waits (after generating), so that the data can be studied with psql. */
    void hold(org.springframework.context.ConfigurableApplicationContext app) throws InterruptedException {
        int minutes = Integer.getInteger("bench.hold-minutes", 0);
        if (minutes > 0) {
            System.out.printf("%nholding %d minutes: psql '%s', app http://localhost:%s%n", minutes, jdbcUrl(),
                    app.getEnvironment().getProperty("local.server.port"));
            Thread.sleep(minutes * 60_000L);
        }
    }

    String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** A database of this server other than the default one (created with {@code CREATE DATABASE}). */
    String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** Runs a script of bench/sql statement by statement, printing each step's label and duration. */
    void runScript(String name, Map<String, String> values) throws IOException, SQLException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/bench/" + name)) {
            if (in == null) {
                throw new IOException("bench/sql/" + name + " is not on the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            script = script.replace("${" + v.getKey() + "}", v.getValue());
        }
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            // sorting millions of generated rows in memory is much faster than in temporary files
            s.execute("SET work_mem = '512MB'");
            for (Step step : steps(script)) {
                long t0 = System.nanoTime();
                s.execute(step.sql);
                System.out.printf("  %-70s %7.1f s%n", name + ": " + step.label, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private record Step(String label, String sql) {
    }

    /**
     * Statements end with a semicolon at the end of a line, except inside a {@code $$} body (a DO block);
     * "-- step:" comments label them.
     */
    private static List<Step> steps(String script) {
        List<Step> steps = new ArrayList<>();
        String label = "";
        StringBuilder sql = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("-- step:")) {
                label = trimmed.substring("-- step:".length()).strip();
                continue;
            }
            if (trimmed.startsWith("--") || trimmed.isEmpty() && sql.isEmpty()) {
                continue;
            }
            sql.append(line).append('\n');
            if (line.split("\\$\\$", -1).length % 2 == 0) {
                inBody = !inBody;
            }
            if (trimmed.endsWith(";") && !inBody) {
                steps.add(new Step(label, sql.toString().strip().replaceAll(";$", "")));
                sql.setLength(0);
            }
        }
        return steps;
    }

    /**
     * Drops the secondary indexes of the given tables and returns their definitions, so that a bulk load need
     * not maintain them row by row; {@link #recreate} builds them again, identical, from the definitions.
     */
    List<String> dropIndexes(String... tables) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : tables) {
                try (var rs = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes i WHERE tablename = '"
                        + table + "' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)")) {
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        names.add(rs.getString(1));
                        definitions.add(rs.getString(2));
                    }
                    for (String n : names) {
                        s.execute("DROP INDEX " + n);
                    }
                }
            }
        }
        return definitions;
    }

    void recreate(List<String> definitions) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String d : definitions) {
                long t0 = System.nanoTime();
                s.execute(d);
                System.out.printf("  %-70s %7.1f s%n", abbreviate(d, 70), (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    /** What the autovacuum daemon would have done by the time a production database had grown this big. */
    void vacuumAnalyze() throws SQLException {
        execute("VACUUM (ANALYZE)");
    }

    void execute(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Logs the plan (with actual times) of every statement slower than the threshold, or stops logging (-1). */
    void explainSlowStatements(String minDuration) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '" + minDuration + "'");
            s.execute("ALTER SYSTEM SET auto_explain.log_analyze = " + (minDuration.equals("-1") ? "off" : "on"));
            s.execute("ALTER SYSTEM SET auto_explain.log_buffers = " + (minDuration.equals("-1") ? "off" : "on"));
            s.execute("SELECT pg_reload_conf()");
        }
        try {
            // backends pick the new settings up between statements, after the reload signal arrives
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
