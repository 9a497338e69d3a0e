package cn.lianban.ticket;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.Directory;
import cn.lianban.directory.DirectorySnapshot;

/** A database migrated by Flyway with the demo directory in it, without Spring Boot or the engine. */
final class TicketDb implements AutoCloseable {

    static final long SEED = 20261129L;

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final Directory directory;
    final DirectorySnapshot organisation;

    private TicketDb(DataSource dataSource, boolean withDirectory) {
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
    static TicketDb h2() {
        return new TicketDb(newH2(), true);
    }

    /** A fresh in-memory H2, migrated only. */
    static TicketDb h2WithoutDirectory() {
        return new TicketDb(newH2(), false);
    }

    static TicketDb on(DataSource dataSource) {
        return new TicketDb(dataSource, true);
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
