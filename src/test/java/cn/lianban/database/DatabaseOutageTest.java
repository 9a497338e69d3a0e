package cn.lianban.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import cn.lianban.support.ChildApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A node whose PostgreSQL stops: health says DOWN (503) within two seconds, requests are answered 503 with a
 * Chinese message within three (the contract's JSON under /api, Camunda's shape on /engine-rest, a page
 * otherwise), and the node serves again by itself once the database is back.
 */
class DatabaseOutageTest {

    @Test
    void answers503QuicklyWhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder()
                .setDataDirectory(ChildApp.newDirectory("outage-pg")).setCleanDataDirectory(false).setPort(ChildApp.freePort());
        EmbeddedPostgres postgres = database.start();
        ChildApp node = null;
        try {
            node = ChildApp.start("outage", "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=").awaitUp(Duration.ofMinutes(3));
            ChildApp app = node;
            assertThat(app.raiseTicket().get("businessKey").asText()).startsWith("TK-");
            // a node that runs jobs: admin sees its job executor and the jobs among the health components
            assertThat(app.get("/actuator/health", "admin").body()).contains("\"jobExecutor\":{\"status\":\"UP\"",
                    "\"jobs\":{\"status\":\"UP\"", "\"mailOutbox\":{\"status\":\"UP\"");

            postgres.close(); // the database stops; the node keeps running

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> health = within(Duration.ofSeconds(2), () -> app.get("/actuator/health", null));
                assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                assertThat(health.body()).contains("DOWN");
            }
            HttpResponse<String> api = within(Duration.ofSeconds(3),
                    () -> app.get("/api/tickets/rates?month=2026-11&by=dept", "street"));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).isEqualTo("{\"error\":\"database_unavailable\",\"message\":\"数据库暂时无法连接，请稍后再试\"}");
            HttpResponse<String> rest = within(Duration.ofSeconds(3), () -> app.post(
                    "/engine-rest/process-definition/key/ticket/start", "secretary", "{\"variables\":{}}"));
            assertThat(rest.statusCode()).isEqualTo(503);
            assertThat(rest.body()).isEqualTo("{\"type\":\"DatabaseUnavailable\",\"message\":\"数据库暂时无法连接，请稍后再试\"}");
            HttpResponse<String> page = within(Duration.ofSeconds(3), () -> app.get("/tickets/rates", "street"));
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body()).contains("数据库暂时无法连接，请稍后再试").doesNotContain("Exception", "SQL");

            postgres = database.start(); // the database is back, on the same port and data
            awaitHealthy(app, Duration.ofSeconds(30));
            assertThat(app.raiseTicket().get("businessKey").asText()).startsWith("TK-");
        } finally {
            if (node != null) {
                node.kill();
            }
            postgres.close();
        }
    }

    /** Runs the call and fails when it took longer than the limit. */
    private static HttpResponse<String> within(Duration limit, Callable<HttpResponse<String>> call) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> answer = call.call();
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        System.out.printf("database down: %s %s → %d in %d ms%n", answer.request().method(), answer.request().uri().getPath(),
                answer.statusCode(), took.toMillis());
        assertThat(took).as("%s answered in", answer.request().uri()).isLessThan(limit);
        return answer;
    }

    private static void awaitHealthy(ChildApp app, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (app.get("/actuator/health", null).statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the node did not recover within " + limit);
    }
}
