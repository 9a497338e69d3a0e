package cn.lianban.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.Directory;
import cn.lianban.directory.DirectorySnapshot;

/** A database migrated by Flyway with the demo directory in it, without Spring Boot or the engine. */
public final class MigratedDb implements AutoCloseable {

    public static final long SEED = 20261129L;

    public final DataSource dataSource;
    public final JdbcTemplate jdbc;
    public final Directory directory;
    public final DirectorySnapshot organisation;

    private MigratedDb(DataSource dataSource, boolean withDirectory) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        directory = new Directory(jdbc);
        organisation = new DemoDirectoryGenerator(SEED).generate();
        if (withDirectory) {
            directory.insert(organisation);
        }
    }

    /** A fresh in-memory H2 with the demo directory. */
    public static MigratedDb h2() {
        return new MigratedDb(newH2(), true);
    }

    /** A fresh in-memory H2, migrated only. */
    public static MigratedDb h2WithoutDirectory() {
        return new MigratedDb(newH2(), false);
    }

    public static MigratedDb on(DataSource dataSource) {
        return new MigratedDb(dataSource, true);
    }

    private static DataSource newH2() {
        return new DriverManagerDataSource("jdbc:h2:mem:ticket-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    public void close() {
        if (dataSource instanceof DriverManagerDataSource d && d.getUrl().startsWith("jdbc:h2:")) {
            jdbc.execute("SHUTDOWN");
        }
    }
}
