package cn.lianban.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 for one test class, without Spring: {@code @RegisterExtension static final Postgres
 * postgres = new Postgres();} gives the class empty databases of its own before its {@code @BeforeAll} methods and
 * drops them after all. The server is one per test JVM (zonky stops it when the JVM ends): its initdb and start
 * took 1.5 s for each of two dozen classes. A class sees only its own databases, under the names it gives them.
 */
public final class Postgres implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicInteger CLASSES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** The class's stand-in for the database {@code postgres}; its other databases are named {@code prefix_name}. */
    private String prefix;
    private final List<String> databases = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        prefix = "class_" + CLASSES.incrementAndGet();
        create(prefix);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        JdbcTemplate admin = new JdbcTemplate(server().getPostgresDatabase());
        // FORCE: connections a test left open (an application node it killed) would keep the database
        databases.forEach(name -> admin.execute("DROP DATABASE " + name + " WITH (FORCE)"));
        databases.clear();
    }

    /** The class's own database where it would have used {@code postgres}. */
    public DataSource database() {
        return server().getDatabase("postgres", prefix);
    }

    /**
     * A new, empty database of that name, through a small connection pool as the application's is: the embedded
     * server's own data source opens a connection per statement, which made tests of many small writes take minutes.
     */
    public DataSource newDatabase(String name) {
        String actual = actual(name);
        create(actual);
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(server().getDatabase("postgres", actual));
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(1);
        pools.add(pool);
        return pool;
    }

    /**
     * The JDBC URL of a database of the class ({@code postgres} or a name given to {@link #newDatabase}), for an
     * application node in a JVM of its own (user {@code postgres}, no password).
     */
    public String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", actual(database));
    }

    private String actual(String name) {
        return "postgres".equals(name) ? prefix : prefix + "_" + name;
    }

    private void create(String name) {
        new JdbcTemplate(server().getPostgresDatabase()).execute("CREATE DATABASE " + name);
        databases.add(name);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
        }
        return server;
    }
}
