package cn.lianban.support;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 for one test class, without Spring: {@code @RegisterExtension static final Postgres
 * postgres = new Postgres();} starts it before the class's own {@code @BeforeAll} methods and stops it after all.
 */
public final class Postgres implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = EmbeddedPostgres.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        server.close();
    }

    /** The database {@code postgres}. */
    public DataSource database() {
        return server.getPostgresDatabase();
    }

    /** A new, empty database of that name. */
    public DataSource newDatabase(String name) {
        new JdbcTemplate(database()).execute("CREATE DATABASE " + name);
        return server.getDatabase("postgres", name);
    }

    /** The JDBC URL of a database, for an application node in a JVM of its own (user {@code postgres}, no password). */
    public String jdbcUrl(String database) {
        return server.getJdbcUrl("postgres", database);
    }
}
