package cn.lianban.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Time;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.support.ChildApp;
import cn.lianban.support.Postgres;
import cn.lianban.support.Proxy;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database both come up (they take turns through
 * schema creation and startup seeding, {@link StartupTurn}), the organisation and the Tasklist filters exist once;
 * then they work as one: timers that fall due are fired once across the two nodes, a ticket raised on one node is
 * taken to its end on the other, and residents booking a community center's last free hour through both nodes at
 * the same instant get one booking between them.
 */
class TwoNodesStartTogetherTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TICKETS = 6;
    private static final int BOOKERS = 12;

    private static JdbcTemplate jdbc;
    private static ChildApp a;
    private static ChildApp b;

    @BeforeAll
    static void startBothAtOnce() throws Exception {
        jdbc = new JdbcTemplate(postgres.newDatabase("two_nodes"));
        a = ChildApp.start("node-a", node("node-a"));
        b = ChildApp.start("node-b", node("node-b"));
        a.awaitUp(Duration.ofMinutes(4));
        b.awaitUp(Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        if (a != null) {
            a.kill();
        }
        if (b != null) {
            b.kill();
        }
    }

    @Test
    void bothComeUpAndSetUpTheDatabaseOnce() throws Exception {
        assertThat(log("node-a") + log("node-b")).as("one node waited for the other's turn")
                .contains("Another node is starting on this database; waiting for it to finish");
        assertThat(jdbc.queryForList("SELECT name_ FROM act_ru_filter GROUP BY name_ HAVING COUNT(*) > 1",
                String.class)).as("Tasklist filters made twice").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'ticket'", Integer.class))
                .as("the ticket process deployed once").isEqualTo(1);
        assertThat(b.get("/engine-rest/user?id=secretary", "secretary").statusCode()).isEqualTo(200);
    }

    @Test
    void eachTimerFiresOnce() throws Exception {
        // tickets raised on node a; node b makes their 24-hour accept timers due now
        Map<String, String> timers = new LinkedHashMap<>();
        for (int i = 0; i < TICKETS; i++) {
            JsonNode ticket = a.raiseTicket();
            JsonNode jobs = b.json("/engine-rest/job?timers=true&processInstanceId=" + ticket.get("id").asText(),
                    "admin");
            assertThat(jobs).hasSize(1);
            String job = jobs.get(0).get("id").asText();
            HttpResponse<String> due = b.send("PUT", "/engine-rest/job/" + job + "/duedate", "admin",
                    "{\"duedate\":\"2020-01-01T00:00:00.000+0800\"}");
            assertThat(due.statusCode()).as(due.body()).isEqualTo(204);
            timers.put(ticket.get("businessKey").asText(), job);
        }
        awaitNoTimers(timers.values());

        List<String> firedBy = new ArrayList<>();
        for (Map.Entry<String, String> t : timers.entrySet()) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE business_key = ? "
                    + "AND action = 'ACCEPT_TIMEOUT'", Integer.class, t.getKey()))
                    .as("timeout of %s recorded once", t.getKey()).isEqualTo(1);
            JsonNode fired = a.json("/engine-rest/history/job-log?successLog=true&jobId=" + t.getValue(), "admin");
            assertThat(fired).as("timer of %s fired once", t.getKey()).hasSize(1);
            firedBy.add(fired.get(0).get("hostname").asText());
            JsonNode tasks = a.json("/engine-rest/task?processInstanceBusinessKey=" + t.getKey(), "admin");
            assertThat(tasks).as("%s waits once for the street's dispatch", t.getKey()).hasSize(1);
            assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("redispatch");
        }
        System.out.println("two nodes: timers fired by " + firedBy);
    }

    /** Raised on node a, then every step on node b as the people who do it, as Tasklist would send them. */
    @Test
    void aTicketRaisedOnOneNodeIsClosedOnTheOther() throws Exception {
        JsonNode ticket = a.raiseTicket();
        String id = ticket.get("id").asText();
        String key = ticket.get("businessKey").asText();
        complete(b, id, "accept", "urban", Map.of("accepted", true));
        complete(b, id, "resolve", "urban", Map.of("result", "已清理占道摊位"));
        complete(b, id, "confirm", "secretary", Map.of("solved", true));
        complete(b, id, "rate", "secretary", Map.of("satisfaction", 5));

        JsonNode done = a.json("/engine-rest/history/process-instance?processInstanceId=" + id, "admin");
        assertThat(done).hasSize(1);
        assertThat(done.get(0).get("state").asText()).as("%s ended", key).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForList("SELECT action FROM case_event WHERE business_key = ? ORDER BY id",
                String.class, key)).containsSubsequence("RAISED", "ACCEPTED", "RESOLVED", "CLOSED");
        assertThat(jdbc.queryForObject("SELECT status FROM ticket_case WHERE business_key = ?", String.class, key))
                .isEqualTo("CLOSED");
    }

    /**
     * The community center's day is booked through node b up to one hour; then half of the residents ask node a,
     * half node b, for that last free hour at the same instant.
     */
    @Test
    void residentsBookingTheLastFreeHourThroughBothNodesGetOneBooking() throws Exception {
        Map<String, Object> center = jdbc.queryForMap("SELECT code, opens, closes FROM venue WHERE level = 3 "
                + "AND NOT needs_approval AND closes >= '20:00' ORDER BY code LIMIT 1");
        String venue = (String) center.get("code");
        LocalTime opensAt = ((Time) center.get("opens")).toLocalTime();
        // whole hours only: the first full hour after opening, the last before closing
        int opens = opensAt.getMinute() == 0 ? opensAt.getHour() : opensAt.getHour() + 1;
        int closes = ((Time) center.get("closes")).toLocalTime().getHour();
        LocalDate day = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3);
        int hours = 0;
        // every other hour of the day, in bookings of at most four hours
        for (int[] span : new int[][]{{opens, 15}, {16, closes}}) {
            for (int from = span[0]; from < span[1]; from += 4) {
                int to = Math.min(from + 4, span[1]);
                HttpResponse<String> r = b.post("/api/bookings", null, JSON.writeValueAsString(Map.of(
                        "venueCode", venue, "start", day.atTime(from, 0).toString(), "end",
                        day.atTime(to, 0).toString(), "name", "预订人" + from, "phone",
                        String.format("138%08d", from), "purpose", "活动")));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                hours += to - from;
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService bookers = Executors.newFixedThreadPool(BOOKERS);
        List<Integer> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> asked = new ArrayList<>();
            for (int i = 0; i < BOOKERS; i++) {
                ChildApp node = i % 2 == 0 ? a : b;
                String body = JSON.writeValueAsString(Map.of("venueCode", venue, "start", day + "T15:00",
                        "end", day + "T16:00", "name", "居民" + i, "phone", String.format("139%08d", i),
                        "purpose", "读书会"));
                Callable<HttpResponse<String>> booking = () -> {
                    start.await();
                    return node.post("/api/bookings", null, body);
                };
                asked.add(bookers.submit(booking));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : asked) {
                HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isIn(201, 409);
                if (r.statusCode() == 409) {
                    assertThat(r.body()).contains("slot_taken");
                }
                answers.add(r.statusCode());
            }
        } finally {
            bookers.shutdownNow();
        }
        assertThat(answers).filteredOn(s -> s == 201).as("bookings of the last hour").hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM booking_slot WHERE venue_code = ?", Integer.class,
                venue)).as("every hour of the day booked once").isEqualTo(hours + 1);
    }

    /**
     * The proxy of docker/compose.yaml (docker/Caddyfile, run by Caddy) in front of both nodes: a login is a session
     * in one node's memory, so a person logged in through the proxy must stay on that node for every page.
     */
    @Test
    void aPersonLoggedInThroughTheProxyStaysLoggedIn(@TempDir Path dir) throws Exception {
        Proxy.assumeInstalled("TwoNodesStartTogetherTest.aPersonLoggedInThroughTheProxyStaysLoggedIn");
        try (Proxy proxy = Proxy.start(dir, a.port(), b.port())) {
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            String form = browser.send(HttpRequest.newBuilder(proxy.uri("/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(proxy.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=secretary&password=demo&_csrf="
                            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location")).as("where the login sends the person")
                    .hasValueSatisfying(to -> assertThat(to).doesNotContain("/login"));
            String name = jdbc.queryForObject("SELECT name FROM person WHERE login = 'secretary'", String.class);
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> page = browser.send(HttpRequest.newBuilder(proxy.uri("/cases")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as("我的事项, request %d after the login", i).isEqualTo(200);
                assertThat(page.body()).contains("我的事项", name);
            }
        }
    }

    private static void complete(ChildApp node, String processInstanceId, String task, String user,
                                 Map<String, Object> values) throws Exception {
        JsonNode tasks = node.json("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + task, user);
        assertThat(tasks).as("task %s, seen by %s", task, user).hasSize(1);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        HttpResponse<String> done = node.post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                user, JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(done.statusCode()).as("%s completes %s: %s", user, task, done.body()).isEqualTo(204);
    }

    /** A node on the shared database, with a job executor that looks for due jobs every half second. */
    private static String[] node(String name) {
        return new String[]{"--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.jdbcUrl("two_nodes"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.generic-properties.properties.hostname=" + name};
    }

    private static void awaitNoTimers(Collection<String> jobs) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            Integer left = jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_job WHERE id_ IN ("
                    + String.join(",", jobs.stream().map(j -> "'" + j + "'").toList()) + ")", Integer.class);
            if (left == 0) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timers not fired within 90 s");
    }

    private static String log(String node) throws IOException {
        return Files.readString(Path.of("target", "child-" + node + ".log"));
    }
}
