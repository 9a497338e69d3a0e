package cn.lianban.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.support.ChildApp;
import cn.lianban.support.Postgres;

/**
 * {@code kill -9} in the middle of a burst of ticket starts (secretary) and accept completions (urban) from eight
 * clients: after a restart on the same database every start and completion that was answered 2xx is there, and no
 * business key was handed out twice, on the embedded default and on PostgreSQL.
 */
class KillDuringBurstTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    private static final Duration UP_LIMIT = Duration.ofMinutes(3);
    private static final int CLIENTS = 8;
    /** Tickets raised before the burst, whose accept task the burst completes. */
    private static final int PREPARED = 12;
    /** The node is killed as soon as this many operations have been answered 2xx. */
    private static final int KILL_AFTER = 20;

    @Test
    void onTheEmbeddedDefaultNothingAcknowledgedIsLost() throws Exception {
        Path dir = ChildApp.newDirectory("kill-h2");
        // the default H2 file database, only in a directory of its own
        burstKillRestart("kill-h2", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("lianban"));
    }

    @Test
    void onPostgresNothingAcknowledgedIsLost() throws Exception {
        postgres.newDatabase("kill_burst");
        burstKillRestart("kill-pg", "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.jdbcUrl("kill_burst"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=");
    }

    private void burstKillRestart(String name, String... database) throws Exception {
        Burst burst;
        ChildApp node = ChildApp.start(name, database);
        try {
            node.awaitUp(UP_LIMIT);
            Queue<String> acceptTasks = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < PREPARED; i++) {
                acceptTasks.add(acceptTask(node, node.raiseTicket().get("id").asText()));
            }
            burst = new Burst(node, acceptTasks).run();
        } finally {
            node.kill();
        }
        assertThat(burst.acknowledged.get()).as("operations answered 2xx before the kill").isGreaterThanOrEqualTo(KILL_AFTER);
        assertThat(burst.started).as("starts answered before the kill").isNotEmpty();
        assertThat(burst.completed).as("completions answered before the kill").isNotEmpty();

        ChildApp again = ChildApp.start(name + "-again", database);
        try {
            again.awaitUp(UP_LIMIT);
            Set<String> keys = new HashSet<>();
            List<String> lost = new ArrayList<>();
            for (Started s : burst.started) {
                assertThat(keys.add(s.businessKey())).as("key %s handed out once", s.businessKey()).isTrue();
                JsonNode found = again.json("/engine-rest/history/process-instance?processInstanceBusinessKey="
                        + s.businessKey(), "admin");
                if (found.size() != 1 || !found.get(0).get("id").asText().equals(s.id())) {
                    lost.add(s.businessKey());
                }
            }
            for (String task : burst.completed) {
                JsonNode history = again.json("/engine-rest/history/task?taskId=" + task, "admin");
                if (history.size() != 1 || history.get(0).get("endTime").isNull()) {
                    lost.add("accept task " + task);
                }
            }
            String next = again.raiseTicket().get("businessKey").asText();
            System.out.printf("%s: %d starts and %d completions answered 2xx before the kill; lost: %s; "
                    + "first key after the restart %s%s%n", name, burst.started.size(), burst.completed.size(), lost,
                    next, keys.contains(next) ? ", handed out before" : "");
            assertThat(lost).as("answered 2xx before the kill, missing after the restart").isEmpty();
            assertThat(keys).as("the first key after the restart is new").doesNotContain(next);
        } finally {
            again.kill();
        }
    }

    /** Eight clients, half raising tickets and half accepting prepared ones, until the node is killed. */
    private static final class Burst {
        final ChildApp node;
        final Queue<String> acceptTasks;
        final Queue<Started> started = new ConcurrentLinkedQueue<>();
        final Queue<String> completed = new ConcurrentLinkedQueue<>();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicBoolean killed = new AtomicBoolean();

        Burst(ChildApp node, Queue<String> acceptTasks) {
            this.node = node;
            this.acceptTasks = acceptTasks;
        }

        Burst run() throws Exception {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    boolean accepts = c % 2 == 1;
                    running.add(clients.submit(() -> client(accepts)));
                }
                for (Future<?> client : running) {
                    client.get(3, TimeUnit.MINUTES);
                }
            } finally {
                clients.shutdownNow();
            }
            return this;
        }

        private Void client(boolean accepts) throws Exception {
            while (!killed.get()) {
                try {
                    String task = accepts ? acceptTasks.poll() : null;
                    if (task != null) {
                        HttpResponse<String> done = node.post("/engine-rest/task/" + task + "/complete", "urban",
                                "{\"variables\":{\"accepted\":{\"value\":true}}}");
                        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
                        completed.add(task);
                    } else {
                        JsonNode s = node.raiseTicket();
                        started.add(new Started(s.get("businessKey").asText(), s.get("id").asText()));
                    }
                } catch (IOException cutOff) {
                    if (killed.get()) {
                        return null; // the answer never came: nothing was promised
                    }
                    throw cutOff;
                }
                if (acknowledged.incrementAndGet() == KILL_AFTER) {
                    killed.set(true);
                    node.kill();
                }
            }
            return null;
        }
    }

    private record Started(String businessKey, String id) {
    }

    private static String acceptTask(ChildApp node, String processInstanceId) throws Exception {
        JsonNode tasks = node.json("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=accept", "admin");
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
