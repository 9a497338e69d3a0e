package cn.lianban.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.lianban.LianbanApplication;

/** The application as {@code java -jar} starts it, on the benchmark's embedded PostgreSQL and a random port. */
final class BenchApp {

    private BenchApp() {
    }

    /** @param extra more {@code --name=value} arguments (they outrank application.yaml, as on a command line) */
    static ConfigurableApplicationContext start(BenchDatabase db, String flywayTarget, String... extra) {
        // command-line arguments outrank application-postgres.yaml, which reads DB_URL
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.flyway.target=" + flywayTarget,
                "--server.port=0",
                "--lianban.mail.scheduler-enabled=false",
                "--logging.level.root=WARN",
                // Spring Security's advice about ignored paths, printed at every start
                "--logging.level.org.springframework.security.config=ERROR",
                "--spring.main.banner-mode=off"));
        // an extra argument replaces a default of the same name (two values of one name would be joined by a comma)
        for (String e : extra) {
            String name = e.substring(0, e.indexOf('=') + 1);
            args.removeIf(a -> a.startsWith(name));
            args.add(e);
        }
        return new SpringApplicationBuilder(LianbanApplication.class).profiles("postgres").run(args.toArray(String[]::new));
    }
}
