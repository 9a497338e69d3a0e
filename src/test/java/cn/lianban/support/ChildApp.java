package cn.lianban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.LianbanApplication;

/**
 * The application as a node of its own: a child JVM on the test classpath running {@link LianbanApplication} on a
 * free port, with demo data, so a test can kill it with {@code kill -9} ({@link #kill()}) and start it again on the
 * same database. {@link #close()} kills it too: use it in try-with-resources or a finally. The child's output goes
 * to {@code target/child-<name>.log}.
 */
public final class ChildApp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;

    private ChildApp(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts a node with the given extra Spring arguments (e.g. {@code --spring.datasource.url=…}) and returns at
     * once; {@link #awaitUp(Duration)} waits for it to answer.
     */
    public static ChildApp start(String name, String... springArgs) throws IOException {
        // a node in a test needs little: small heap, quick start
        return start(name, List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), springArgs);
    }

    /** As {@link #start(String, String...)}, with the given JVM options (a benchmark's node runs as in production). */
    public static ChildApp start(String name, List<String> jvmOptions, String... springArgs) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Duser.timezone=Asia/Shanghai",
                "-cp", classPath(), LianbanApplication.class.getName(),
                "--server.port=" + port,
                "--lianban.mail.scheduler-enabled=false",
                "--spring.main.banner-mode=off"));
        command.addAll(List.of(springArgs));
        File log = new File("target", "child-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log).start();
        return new ChildApp(name, port, process);
    }

    /** Waits until {@code /actuator/health} says UP; fails when the node died or did not come up in time. */
    public ChildApp awaitUp(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue()
                        + " before it was up; see target/child-" + name + ".log");
            }
            try {
                HttpResponse<String> health = get("/actuator/health", null);
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node " + name + " not up after " + limit + "; see target/child-" + name + ".log");
    }

    /** CPU time the node's JVM has used so far (zero where the system does not tell). */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The port the node listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** A GET answered 200 with JSON; any other answer fails the test. */
    public JsonNode json(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, user);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Raises {@link TicketDriver#ticket}'s ticket through Camunda REST as {@code secretary}, as Tasklist does. */
    public JsonNode raiseTicket() throws IOException, InterruptedException {
        Map<String, Object> variables = new LinkedHashMap<>();
        TicketDriver.ticket().forEach((k, v) -> variables.put(k, Map.of("value", v)));
        HttpResponse<String> started = post("/engine-rest/process-definition/key/ticket/start", "secretary",
                JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        return JSON.readTree(started.body());
    }

    public HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return HTTP.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String user, String json) throws IOException, InterruptedException {
        return send("POST", path, user, json);
    }

    public HttpResponse<String> send(String method, String path, String user, String json)
            throws IOException, InterruptedException {
        return HTTP.send(request(path, user).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (user != null) {
            // every demo login has the password "demo"
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /**
     * The application's class path: the test class path without the test classes (their beans are not part of a
     * node) and without repeats (Surefire lists target/classes twice, which would deploy every process twice).
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String all = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : all.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!path.endsWith("test-classes")) {
                entries.add(path.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A port nobody listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A fresh directory under target/ for a node's H2 file database. */
    public static Path newDirectory(String name) throws IOException {
        Path dir = Path.of("target", name + "-" + System.nanoTime()).toAbsolutePath();
        return Files.createDirectories(dir);
    }
}
