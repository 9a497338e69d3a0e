package cn.lianban.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.Test;

import cn.lianban.support.ChildApp;

/**
 * Issue #12, point 5: the application in a JVM of its own, started as the Docker image starts it (docker/Dockerfile's
 * {@code JAVA_OPTS}, the extracted jar and the CDS archive of a training run), and in the same run with the same
 * options from the packaged jar without the archive, on embedded PostgreSQL with the demo data: wall time from process start to
 * {@code /actuator/health} UP (first start, which migrates and seeds, and a restart), resident memory after start, after
 * a load of ticket lifecycles and pages through REST, and after the mail outbox drained 1,000 mails into a local SMTP
 * sink (GreenMail). Further option sets ({@code bench.compare}) run the same way in the same run, for the ratios.
 * See bench/README.md, "Footprint benchmark".
 */
class FootprintBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final double START_LIMIT_S = Double.parseDouble(System.getProperty("bench.start-limit-s", "10"));
    private static final long RSS_LIMIT_MB = Long.getLong("bench.rss-limit-mb", 500);
    private static final double DRAIN_LIMIT_S = Double.parseDouble(System.getProperty("bench.drain-limit-s", "60"));
    private static final int TICKETS = Integer.getInteger("bench.tickets", 150);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    private static final int MAILS = Integer.getInteger("bench.mails", 1000);

    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");

    /**
     * How a node's JVM is started: the jar and the options. The image's way (docker/Dockerfile): the jar extracted
     * and the CDS archive of a training run; the others start the packaged jar as it is.
     */
    private record Launch(String label, String options, String jar) {
    }

    private record Figures(String label, double firstStartS, double firstCpuS, double restartS, double restartCpuS, long rssStartMb,
                           double lifecyclesPerS, double firstLifecycleMs, long rssLoadMb, double drainS, long rssMailMb,
                           double smsDrainS) {

        boolean pass() {
            return firstStartS <= START_LIMIT_S && restartS <= START_LIMIT_S && rssLoadMb <= RSS_LIMIT_MB
                    && rssMailMb <= RSS_LIMIT_MB && drainS <= DRAIN_LIMIT_S && smsDrainS <= DRAIN_LIMIT_S;
        }
    }

    @Test
    void footprint() throws Exception {
        String docker = dockerJavaOpts();
        List<String> sets = new ArrayList<>();
        sets.add(docker);
        for (String more : System.getProperty("bench.compare", "").split("\\|")) {
            if (!more.isBlank()) {
                sets.add(more.strip());
            }
        }
        String jar = applicationJar();
        Files.createDirectories(Path.of("target", "bench"));
        List<Launch> launches = new ArrayList<>();
        Path image = imageLayout(jar, docker, Path.of("target", "bench", "footprint-image"));
        launches.add(new Launch("Docker: extracted jar + CDS archive, `" + docker + "`",
                docker + " -XX:SharedArchiveFile=" + image.resolve("lianban.jsa").toAbsolutePath(),
                extractedJar(image, jar)));
        // the same options without the archive, in the same run: what the archive gains
        launches.add(new Launch("same options, packaged jar, no archive", docker, jar));
        for (String set : sets.subList(1, sets.size())) {
            launches.add(new Launch("`" + set + "`, packaged jar", set, jar));
        }
        List<Figures> all = new ArrayList<>();
        try (BenchDatabase db = BenchDatabase.start(new File("target/bench/footprint-postgres.log"))) {
            for (int i = 0; i < launches.size(); i++) {
                all.add(measure(db, "foot" + i, launches.get(i)));
            }
        }
        String report = report(all);
        System.out.println(report);
        Files.writeString(Path.of("target", "bench", "footprint-report.txt"), report);
        assertTrue(all.get(0).pass(), "a footprint target is missed with the Docker image's options, see the report");
    }

    private Figures measure(BenchDatabase db, String name, Launch launch) throws Exception {
        System.out.printf("%n== %s: %s%n", name, launch.label());
        db.execute("CREATE DATABASE " + name);
        GreenMail smtp = new GreenMail(new ServerSetup(ChildApp.freePort(), null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            // first start: Flyway migrates an empty database and the demo data is seeded
            Node first = Node.start(db, name, launch, smtp, "first");
            double firstStart = first.awaitUp();
            double firstCpu = first.cpuSeconds();
            // a JVM that cannot use the archive says so and starts without it: that would not be the image's start
            if (launch.options().contains("SharedArchiveFile") && new String(Files.readAllBytes(Path.of(first.log())),
                    StandardCharsets.UTF_8).contains("Unable to use shared archive")) {
                throw new IllegalStateException("the JVM did not use the CDS archive, see " + first.log());
            }
            first.stop();
            Node node = Node.start(db, name, launch, smtp, "restart");
            try {
                double restart = node.awaitUp();
                double restartCpu = node.cpuSeconds();
                long rssStart = node.rssMb();
                System.out.printf("  first start %.1f s (%.1f s of CPU), restart %.1f s (%.1f s of CPU), RSS %d MB%n",
                        firstStart, firstCpu, restart, restartCpu, rssStart);
                long t0 = System.nanoTime();
                lifecycle(node.base);
                double firstLifecycle = (System.nanoTime() - t0) / 1e6;
                double perS = load(node.base);
                long rssLoad = node.rssMb();
                System.out.printf("  load: %.1f lifecycles/s, first %.0f ms, RSS %d MB%n", perS, firstLifecycle, rssLoad);
                double drain = OutboxDrain.mails(db.jdbcUrl(name), smtp, MAILS);
                long rssMail = node.rssMb();
                System.out.printf("  %d mails drained in %.1f s, RSS %d MB%n", MAILS, drain, rssMail);
                // the node's default provider, which records each message in the log and marks it sent
                double smsDrain = OutboxDrain.sms(db.jdbcUrl(name), null, MAILS);
                System.out.printf("  %d SMS drained in %.1f s%n", MAILS, smsDrain);
                return new Figures(launch.label(), firstStart, firstCpu, restart, restartCpu, rssStart, perS, firstLifecycle, rssLoad,
                        drain, rssMail, smsDrain);
            } finally {
                node.stop();
            }
        } finally {
            smtp.stop();
        }
    }

    /** {@code JAVA_OPTS} as docker/Dockerfile sets it: the benchmark measures what the image runs. */
    static String dockerJavaOpts() throws IOException {
        Matcher m = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(Files.readString(DOCKERFILE));
        if (!m.find()) {
            throw new IllegalStateException("no JAVA_OPTS=\"…\" in " + DOCKERFILE);
        }
        return m.group(1);
    }

    /**
     * The image's runtime stage (docker/Dockerfile) in {@code dir}: the jar extracted to {@code application/}, then a
     * training run with the image's options until the context is refreshed, on the H2 default in {@code dir/data}
     * (deleted afterwards), writes the CDS archive {@code lianban.jsa}. Returns {@code dir}.
     */
    static Path imageLayout(String jar, String options, Path dir) throws IOException, InterruptedException {
        deleteTree(dir);
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long t0 = System.nanoTime();
        run(dir, List.of(java, "-Djarmode=tools", "-jar", Path.of(jar).toAbsolutePath().toString(), "extract",
                "--destination", "application"));
        List<String> training = new ArrayList<>(List.of(java));
        training.addAll(Arrays.asList(options.split("\\s+")));
        // the class path must be the same string when the archive is used: the jar's absolute path, as the image's
        training.addAll(List.of("-XX:ArchiveClassesAtExit=lianban.jsa", "-Dspring.context.exit=onRefresh",
                "-Duser.timezone=Asia/Shanghai", "-jar", extractedJar(dir, jar)));
        run(dir, training);
        deleteTree(dir.resolve("data"));
        System.out.printf("image layout: jar extracted, training run and CDS archive (%d MB) in %.1f s%n",
                Files.size(dir.resolve("lianban.jsa")) >> 20, (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    static String extractedJar(Path dir, String jar) {
        return dir.resolve("application").resolve(Path.of(jar).getFileName()).toAbsolutePath().toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        File log = dir.resolve("build.log").toFile();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed, see " + log);
        }
    }

    /** The jar {@code ./mvnw -DskipTests package} built, as the Docker image runs it. */
    private static String applicationJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.map(Path::toString)
                    .filter(f -> f.matches(".*/lianban-[^/]*\\.jar") && !f.endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/lianban-*.jar: run ./mvnw -DskipTests package first (bench/README.md)"));
        }
    }

    /** The application as the Docker image starts it: {@code java $JAVA_OPTS … -jar …}, zone Asia/Shanghai. */
    private record Node(Process process, String base, long started, String log) {

        static Node start(BenchDatabase db, String database, Launch launch, GreenMail smtp, String label)
                throws IOException {
            int port = ChildApp.freePort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(launch.options().split("\\s+")));
            command.addAll(List.of("-Duser.timezone=Asia/Shanghai", "-jar", launch.jar(),
                    "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + db.jdbcUrl(database),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--server.port=" + port,
                    "--spring.mail.host=localhost",
                    "--spring.mail.port=" + smtp.getSmtp().getPort(),
                    "--lianban.base-url=http://localhost:" + port));
            String log = "target/bench/footprint-" + database + "-" + label + ".log";
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log)).start();
            return new Node(p, "http://localhost:" + port, t0, log);
        }

        /** Seconds from process start to the first {@code /actuator/health} that says UP. */
        double awaitUp() throws InterruptedException {
            long end = started + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application exited with " + process.exitValue() + ", see " + log);
                }
                try {
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("not healthy after 5 minutes, see " + log);
        }

        /** Resident set size of the JVM (VmRSS), what the container's memory limit counts. */
        long rssMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
        }

        /**
         * CPU seconds the JVM has used (user and system, all threads): on a machine shared with other work the wall
         * time of a start varies with the load, this much less.
         */
        double cpuSeconds() throws IOException {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // fields after the command name in parentheses: state is field 3, utime 14 and stime 15 (clock ticks)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * {@code bench.tickets} ticket lifecycles with {@code bench.clients} clients, each followed by the pages a desk
     * opens; returns lifecycles per second.
     */
    private static double load(String base) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < TICKETS; i++) {
                done.add(pool.submit(() -> {
                    lifecycle(base);
                    pages(base);
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return TICKETS / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** One ticket through Camunda REST as Tasklist drives it: raise, accept, resolve, confirm, rate. */
    private static void lifecycle(String base) throws IOException, InterruptedException {
        JsonNode started = call(base, "POST", "/engine-rest/process-definition/key/ticket/start", "secretary", """
                {"variables": {"itemCode": {"value": "R-001"}, "description": {"value": "菜市场门口有流动摊贩占道经营，影响通行"},
                 "communityCode": {"value": "C-DL-01"}, "gridCode": {"value": "G-DL-01-01"},
                 "location": {"value": "华山路菜市场东门"}}}""");
        String instance = started.get("id").asText();
        work(base, instance, "accept", "urban", true, "{\"accepted\": {\"value\": true}}");
        work(base, instance, "resolve", "urban", false, "{\"result\": {\"value\": \"已清理占道摊位\"}}");
        work(base, instance, "confirm", "secretary", true, "{\"solved\": {\"value\": true}}");
        work(base, instance, "rate", "secretary", false, "{\"satisfaction\": {\"value\": 5}}");
    }

    private static void work(String base, String instance, String task, String user, boolean claim, String variables)
            throws IOException, InterruptedException {
        JsonNode tasks = call(base, "GET", "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + task,
                user, null);
        if (tasks.size() != 1) {
            throw new IllegalStateException("expected one task " + task + " of " + instance + " for " + user + ": " + tasks);
        }
        String id = tasks.get(0).get("id").asText();
        if (claim) {
            call(base, "POST", "/engine-rest/task/" + id + "/claim", user, "{\"userId\": \"" + user + "\"}");
        }
        call(base, "POST", "/engine-rest/task/" + id + "/complete", user, "{\"variables\": " + variables + "}");
    }

    /** The pages a desk looks at between tasks (server-rendered, HTTP Basic). */
    private static void pages(String base) throws IOException, InterruptedException {
        for (String path : List.of("/cases", "/tickets/rates", "/dashboard")) {
            call(base, "GET", path, "center", null);
        }
    }

    private static JsonNode call(String base, String method, String path, String user, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": HTTP " + answer.statusCode() + " "
                    + BenchDatabase.abbreviate(answer.body(), 300));
        }
        String type = answer.headers().firstValue("Content-Type").orElse("");
        return type.contains("json") && !answer.body().isEmpty() ? JSON.readTree(answer.body()) : JSON.nullNode();
    }

    private static String report(List<Figures> all) {
        StringBuilder out = new StringBuilder();
        out.append("\nFootprint (issue #12 point 5), ").append(TICKETS).append(" ticket lifecycles + 3 pages each with ")
                .append(CLIENTS).append(" clients, ").append(MAILS).append(" mails and SMS; ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        out.append("Targets: start to healthy <= %.0f s, RSS after the load <= %d MB, %d mails and %d SMS each drained <= %.0f s%n"
                .formatted(START_LIMIT_S, RSS_LIMIT_MB, MAILS, MAILS, DRAIN_LIMIT_S));
        out.append("Anchor: issue #12 measured RSS 670 MB after start and 740 MB after use (default JVM options)\n\n");
        out.append("| start | first start s | first start CPU s | restart s | restart CPU s | RSS start MB | lifecycles/s | ratio | first lifecycle ms"
                + " | RSS load MB | mail drain s | RSS mail MB | SMS drain s | verdict |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        double base = all.get(0).lifecyclesPerS();
        for (int i = 0; i < all.size(); i++) {
            Figures f = all.get(i);
            out.append("| %s | %.1f | %.1f | %.1f | %.1f | %d | %.2f | %.2f | %.0f | %d | %.1f | %d | %.1f | %s |%n".formatted(
                    f.label(), f.firstStartS(), f.firstCpuS(), f.restartS(), f.restartCpuS(), f.rssStartMb(),
                    f.lifecyclesPerS(), f.lifecyclesPerS() / base, f.firstLifecycleMs(), f.rssLoadMb(), f.drainS(),
                    f.rssMailMb(), f.smsDrainS(), f.pass() ? "pass" : "FAIL"));
        }
        Figures with = all.get(0);
        Figures without = all.get(1);
        // the CPU time follows the machine's load much less than the wall time
        out.append("%nThe CDS archive in this run (with against without): first start %.1f s against %.1f s, its CPU "
                .formatted(with.firstStartS(), without.firstStartS()) + "%.1f s against %.1f s (%.2f×); restart %.1f s "
                .formatted(with.firstCpuS(), without.firstCpuS(), with.firstCpuS() / without.firstCpuS(),
                        with.restartS()) + "against %.1f s, its CPU %.1f s against %.1f s (%.2f×)%n".formatted(
                without.restartS(), with.restartCpuS(), without.restartCpuS(), with.restartCpuS() / without.restartCpuS()));
        out.append("\nVerdict (as the Docker image starts it, first row): ").append(all.get(0).pass() ? "PASS" : "FAIL")
                .append('\n');
        return out.toString();
    }
}
