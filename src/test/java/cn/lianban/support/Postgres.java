package cn.lianban.support;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 for one test class, without Spring: {@code @RegisterExtension static final Postgres
 * postgres = new Postgres();} starts it before the class's own {@code @BeforeAll} methods and stops it after all.
 */
public final class Postgres implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres server;
    private final List<HikariDataSource> pools = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = EmbeddedPostgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        server.close();
    }

    /** The database {@code postgres}. */
    public DataSource database() {
        return server.getPostgresDatabase();
    }

    /**
     * A new, empty database of that name, through a small connection pool as the application's is: the embedded
     * server's own data source opens a connection per statement, which made tests of many small writes take minutes.
     */
    public DataSource newDatabase(String name) {
        new JdbcTemplate(database()).execute("CREATE DATABASE " + name);
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(server.getDatabase("postgres", name));
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(1);
        pools.add(pool);
        return pool;
    }

    /** The JDBC URL of a database, for an application node in a JVM of its own (user {@code postgres}, no password). */
    public String jdbcUrl(String database) {
        return server.getJdbcUrl("postgres", database);
    }
}
