package cn.lianban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import cn.lianban.support.DebianTools;
import cn.lianban.support.Proxy;

/**
 * The files of docker/ as far as this machine can check them without a Docker engine (README, "Running N nodes"):
 * the proxy's Caddyfile run by a real Caddy, the compose file read by Debian's docker-compose, and every setting the
 * compose file gives the nodes read by the application. The nodes themselves (one timer fires once, a case moves
 * between nodes, bookings race-safe, a login through the proxy kept on its node) are tested on embedded PostgreSQL
 * in TwoNodesStartTogetherTest.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("docker");
    private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");

    @Test
    void theProxyKeepsABrowserOnItsNodeAndMovesItWhenTheNodeIsGone(@TempDir Path dir) throws Exception {
        Proxy.assumeInstalled("DockerFilesTest");
        HttpServer first = node("第一节点");
        HttpServer second = node("第二节点");
        try (Proxy proxy = Proxy.start(dir, first.getAddress().getPort(), second.getAddress().getPort())) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            URI page = proxy.uri("/camunda/app/tasklist/");
            String node = get(browser, page);
            for (int i = 0; i < 10; i++) {
                assertThat(get(browser, page)).as("request %d of the same browser", i).isEqualTo(node);
            }

            (node.equals("第一节点") ? first : second).stop(0);
            String other = node.equals("第一节点") ? "第二节点" : "第一节点";
            assertThat(get(browser, page)).as("the node the browser was on is gone").isEqualTo(other);
            for (int i = 0; i < 5; i++) {
                assertThat(get(browser, page)).as("request %d after the move", i).isEqualTo(other);
            }
        } finally {
            first.stop(0);
            second.stop(0);
        }
    }

    @Test
    void theComposeFileIsAValidComposeFile(@TempDir Path dir) throws Exception {
        DebianTools.assumeInstalled("DockerFilesTest", COMPOSE, "docker-compose");
        // Debian's docker-compose (1.29) predates the top-level "name" of the Compose Specification; all else it checks
        String compose = Files.readString(DOCKER.resolve("compose.yaml"));
        assertThat(compose).contains("\nname: lianban\n");
        Path copy = Files.writeString(dir.resolve("compose.yaml"), compose.replace("\nname: lianban\n", "\n"));
        // the copy's paths (the build context, the Caddyfile) resolve against docker/, as the original's do
        Process check = new ProcessBuilder(COMPOSE.toString(), "-f", copy.toString(), "--project-directory",
                DOCKER.toString(), "config").redirectErrorStream(true).redirectOutput(dir.resolve("config.txt").toFile())
                .start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String answer = Files.readString(dir.resolve("config.txt"));
        assertThat(check.exitValue()).as(answer).isZero();
        assertThat(answer).contains("replicas: 2", "condition: service_healthy",
                Path.of("docker", "Caddyfile").toAbsolutePath().toString());
    }

    @Test
    void everySettingTheComposeFileGivesTheNodesIsOneTheApplicationReads() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
        Map<String, Object> app = map(map(compose.get("services")).get("app"));
        Set<String> given = map(app.get("environment")).keySet();
        Set<String> read = settingsReadByTheApplication();

        assertThat(given).contains("DB_URL", "MAIL_HOST", "BASE_URL", "SPRING_PROFILES_ACTIVE");
        // TZ is the container's own (the JVM takes its zone from it), not the application's
        assertThat(given.stream().filter(s -> !s.equals("TZ")).filter(s -> !read.contains(s)).toList())
                .as("settings in docker/compose.yaml that no property of the application reads").isEmpty();
        assertThat(Files.exists(Path.of("src/main/resources",
                "application-" + map(app.get("environment")).get("SPRING_PROFILES_ACTIVE") + ".yaml"))).isTrue();
        assertThat(app.get("expose").toString()).contains("8080");
        assertThat(Files.readString(DOCKER.resolve("Caddyfile"))).containsPattern(Proxy.DYNAMIC_UPSTREAMS);
    }

    /**
     * The environment variables the application reads: the placeholders of its configuration files, and the
     * environment form of each property it has (its configuration files, its {@code @Value}s, Spring Boot's
     * documented properties), as Spring Boot's relaxed binding maps {@code LIANBAN_DEMO_ENABLED} to
     * {@code lianban.demo.enabled}.
     */
    private static Set<String> settingsReadByTheApplication() throws IOException {
        Set<String> properties = new HashSet<>();
        Set<String> read = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path yaml : files.filter(f -> f.getFileName().toString().matches("application.*\\.yaml")).toList()) {
                String text = Files.readString(yaml);
                Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(text);
                while (placeholder.find()) {
                    read.add(placeholder.group(1));
                }
                for (Object document : new Yaml().loadAll(text)) {
                    flatten("", document, properties);
                }
            }
        }
        Pattern value = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = value.matcher(Files.readString(source));
                while (m.find()) {
                    properties.add(m.group(1));
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (Resource metadata : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = metadata.getInputStream()) {
                json.readTree(in).path("properties").forEach((JsonNode p) -> properties.add(p.path("name").asText()));
            }
        }
        for (String property : properties) {
            String upper = property.toUpperCase(Locale.ROOT);
            read.add(upper.replace('.', '_').replace('-', '_'));
            read.add(upper.replace("-", "").replace('.', '_'));
        }
        return read;
    }

    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, into));
        } else if (!prefix.isEmpty()) {
            into.add(prefix);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    /** A stand-in for an application node: answers every request with its name. */
    private static HttpServer node(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = name.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String get(HttpClient browser, URI page) throws IOException, InterruptedException {
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }
}
