package cn.lianban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reverse proxy of docker/compose.yaml, run by Debian's Caddy from the shipped docker/Caddyfile, without
 * Docker: local ports stand in for Docker's name {@code app} (every app container), and a free port for 8080.
 * Everything else of the file (sticky sessions, passive health, retries) is as shipped.
 */
public final class Proxy implements AutoCloseable {

    public static final Path CADDY = Path.of("/usr/bin/caddy");
    /** The upstreams of docker/Caddyfile: every container of the service "app", looked up in Docker's DNS. */
    public static final Pattern DYNAMIC_UPSTREAMS = Pattern.compile("dynamic a app 8080 \\{[^}]*}");
    private static final Path CADDYFILE = Path.of("docker", "Caddyfile");

    private final Process caddy;
    private final int port;
    private final Path log;

    private Proxy(Process caddy, int port, Path log) {
        this.caddy = caddy;
        this.port = port;
        this.log = log;
    }

    /** Skips the calling test when Caddy is missing, saying so on the console. */
    public static void assumeInstalled(String test) {
        DebianTools.assumeInstalled(test, CADDY, "caddy");
    }

    /** Caddy with docker/Caddyfile in front of the given local ports, its files in {@code dir}; answering. */
    public static Proxy start(Path dir, int... upstreams) throws IOException, InterruptedException {
        Matcher dynamic = DYNAMIC_UPSTREAMS.matcher(Files.readString(CADDYFILE));
        assertThat(dynamic.find()).as("docker/Caddyfile names its upstreams as this test expects").isTrue();
        int port = ChildApp.freePort();
        String to = Arrays.stream(upstreams).mapToObj(p -> "127.0.0.1:" + p).collect(Collectors.joining(" "));
        // no admin endpoint: two proxies at once would both want its port
        String config = "{\n\tadmin off\n}\n" + dynamic.replaceFirst("to " + to).replace(":8080 {", ":" + port + " {");
        Path caddyfile = Files.writeString(dir.resolve("Caddyfile"), config);
        Path log = dir.resolve("caddy.log");
        ProcessBuilder run = new ProcessBuilder(CADDY.toString(), "run", "--config", caddyfile.toString(),
                "--adapter", "caddyfile").redirectErrorStream(true).redirectOutput(log.toFile());
        run.environment().putAll(Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.toString(),
                "XDG_CONFIG_HOME", dir.toString()));
        Proxy proxy = new Proxy(run.start(), port, log);
        proxy.awaitAnswer();
        return proxy;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Until Caddy answers at all (through a client of its own, so no browser's cookie is set by it). */
    private void awaitAnswer() throws IOException, InterruptedException {
        HttpClient probe = HttpClient.newHttpClient();
        IOException last = null;
        for (int i = 0; i < 100 && caddy.isAlive(); i++) {
            try {
                probe.send(HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                last = notYet;
                Thread.sleep(100);
            }
        }
        close();
        throw new AssertionError("Caddy did not answer (" + last + "):\n" + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        caddy.destroy();
        caddy.waitFor(10, TimeUnit.SECONDS);
    }
}
