package cn.lianban.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import cn.lianban.support.ChildApp;

/**
 * Issue #12 point 5, the outboxes alone: one node (the application in this JVM, on embedded PostgreSQL, pollers as
 * application.yaml sets them) drains {@code bench.messages} mails into a local SMTP sink (GreenMail) and as many text
 * messages into a provider that takes {@code bench.sms-latency-ms} per message ({@link BenchSmsGateway}), each within
 * {@code bench.drain-limit-s}. See bench/README.md, "Outbox benchmark".
 */
class OutboxBenchmark {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 1000);
    private static final double LIMIT_S = Double.parseDouble(System.getProperty("bench.drain-limit-s", "60"));
    /** The provider's time per message, one SMS phase each: 0 (the outbox's own cost) and a gateway's HTTP call. */
    private static final List<Long> LATENCIES = Arrays.stream(System.getProperty("bench.sms-latency-ms", "0,50")
            .split(",")).map(String::strip).map(Long::valueOf).toList();

    private record Phase(String what, double seconds) {
        boolean pass() {
            return seconds <= LIMIT_S;
        }
    }

    @Test
    void outboxesDrainWithinAMinute() throws Exception {
        Files.createDirectories(Path.of("target", "bench"));
        List<Phase> phases = new ArrayList<>();
        GreenMail smtp = new GreenMail(new ServerSetup(ChildApp.freePort(), null, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (BenchDatabase db = BenchDatabase.start(new File("target/bench/outbox-postgres.log"));
             ConfigurableApplicationContext app = BenchApp.start(db, "latest",
                     "--lianban.mail.scheduler-enabled=true",
                     "--spring.mail.host=localhost",
                     "--spring.mail.port=" + smtp.getSmtp().getPort(),
                     "--lianban.sms.provider=bench",
                     "--lianban.time-light.scheduler-enabled=false")) {
            System.out.printf("%napplication up; %d messages per phase, pollers as application.yaml (every 10 s)%n",
                    MESSAGES);
            double mail = OutboxDrain.mails(db.jdbcUrl(), smtp, MESSAGES);
            phases.add(new Phase("mail (SMTP sink in this JVM)", mail));
            System.out.printf("  %d mails drained in %.1f s%n", MESSAGES, mail);
            for (long latency : LATENCIES) {
                BenchSmsGateway.latencyMs = latency;
                double sms = OutboxDrain.sms(db.jdbcUrl(), BenchSmsGateway.received::get, MESSAGES);
                phases.add(new Phase("SMS, provider %d ms per message".formatted(latency), sms));
                System.out.printf("  %d SMS drained in %.1f s (provider %d ms per message)%n", MESSAGES, sms, latency);
            }
        } finally {
            smtp.stop();
        }
        String report = report(phases);
        System.out.println(report);
        Files.writeString(Path.of("target", "bench", "outbox-report.txt"), report, StandardCharsets.UTF_8);
        assertTrue(phases.stream().allMatch(Phase::pass), "an outbox missed " + LIMIT_S + " s, see the report");
    }

    private static String report(List<Phase> phases) {
        StringBuilder out = new StringBuilder();
        out.append("\nOutbox drain (issue #12 point 5), ").append(MESSAGES).append(" messages per phase, one node, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        out.append("Anchor: ").append(OutboxDrain.ANCHOR).append("\n\n");
        out.append("| outbox | drained s | limit s | verdict |\n| --- | ---: | ---: | --- |\n");
        for (Phase p : phases) {
            out.append("| %s | %.1f | %.0f | %s |%n".formatted(p.what(), p.seconds(), LIMIT_S, p.pass() ? "pass" : "FAIL"));
        }
        out.append("\nVerdict: ").append(phases.stream().allMatch(Phase::pass) ? "PASS" : "FAIL").append('\n');
        return out.toString();
    }
}
