package cn.lianban.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.support.ChildApp;
import cn.lianban.support.Postgres;

/**
 * Two nodes started at the same moment on one empty PostgreSQL database both come up (they take turns through
 * schema creation and startup seeding, {@link StartupTurn}), the organisation and the Tasklist filters exist once,
 * and timers that fall due are fired once across the two nodes.
 */
class TwoNodesStartTogetherTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    private static final int TICKETS = 6;

    @Test
    void bothComeUpAndEachTimerFiresOnce() throws Exception {
        DataSource db = postgres.newDatabase("two_nodes");
        JdbcTemplate jdbc = new JdbcTemplate(db);
        ChildApp a = null;
        ChildApp b = null;
        try {
            a = ChildApp.start("node-a", node("node-a"));
            b = ChildApp.start("node-b", node("node-b"));
            a.awaitUp(Duration.ofMinutes(4));
            b.awaitUp(Duration.ofMinutes(4));
            assertThat(log("node-a") + log("node-b")).as("one node waited for the other's turn")
                    .contains("Another node is starting on this database; waiting for it to finish");

            assertThat(jdbc.queryForList("SELECT name_ FROM act_ru_filter GROUP BY name_ HAVING COUNT(*) > 1",
                    String.class)).as("Tasklist filters made twice").isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'ticket'", Integer.class))
                    .as("the ticket process deployed once").isEqualTo(1);
            assertThat(b.get("/engine-rest/user?id=secretary", "secretary").statusCode()).isEqualTo(200);

            // tickets raised on node a; node b makes their 24-hour accept timers due now
            Map<String, String> timers = new java.util.LinkedHashMap<>();
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
            awaitNoTimers(jdbc, timers.values());

            List<String> firedBy = new ArrayList<>();
            for (Map.Entry<String, String> t : timers.entrySet()) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event WHERE business_key = ? "
                        + "AND action = 'ACCEPT_TIMEOUT'", Integer.class, t.getKey()))
                        .as("timeout of %s recorded once", t.getKey()).isEqualTo(1);
                JsonNode fired = a.json("/engine-rest/history/job-log?successLog=true&jobId=" + t.getValue(),
                        "admin");
                assertThat(fired).as("timer of %s fired once", t.getKey()).hasSize(1);
                firedBy.add(fired.get(0).get("hostname").asText());
                JsonNode tasks = a.json("/engine-rest/task?processInstanceBusinessKey=" + t.getKey(), "admin");
                assertThat(tasks).as("%s waits once for the street's dispatch", t.getKey()).hasSize(1);
                assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("redispatch");
            }
            System.out.println("two nodes: timers fired by " + firedBy);
        } finally {
            if (a != null) {
                a.kill();
            }
            if (b != null) {
                b.kill();
            }
        }
    }

    /** A node on the shared database, with a job executor that looks for due jobs every half second. */
    private static String[] node(String name) {
        return new String[]{"--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.jdbcUrl("two_nodes"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.generic-properties.properties.hostname=" + name};
    }

    private static void awaitNoTimers(JdbcTemplate jdbc, java.util.Collection<String> jobs) throws InterruptedException {
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
