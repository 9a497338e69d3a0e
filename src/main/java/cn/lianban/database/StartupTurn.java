package cn.lianban.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes starting at the same moment on one PostgreSQL database take turns: from before Flyway until the last
 * startup runner (demo data, users and groups, authorizations, Tasklist filters, the ticket start form) one node
 * at a time, under a PostgreSQL advisory lock held by a connection of its own. Without it the second of two nodes
 * on an empty database died in Camunda's schema creation ({@code duplicate key … pg_type_typname_nsp_index}), and
 * seeding the same rows twice would fail the same way. {@link StartupTurnDetector} makes this bean a database
 * initializer, so Flyway, the process engine and every JdbcTemplate wait for the turn. An H2 file belongs to one
 * process: there nothing is locked.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class StartupTurn implements ApplicationRunner, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StartupTurn.class);
    /** The advisory lock's key: any constant that no other use of advisory locks on the database shares. */
    private static final long LOCK = 0x6c69616e62616eL; // "lianban"

    private Connection holder;

    public StartupTurn(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!Databases.isPostgres(connection)) {
            connection.close();
            return;
        }
        try (Statement s = connection.createStatement()) {
            boolean free;
            try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                free = rs.next() && rs.getBoolean(1);
            }
            if (!free) {
                LOG.info("Another node is starting on this database; waiting for it to finish");
                s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        holder = connection;
    }

    /** Runs after every other startup runner: this node's turn is over. */
    @Override
    public void run(ApplicationArguments args) throws SQLException {
        release();
    }

    /** A node that fails to start gives the turn back too. */
    @Override
    public void destroy() throws SQLException {
        release();
    }

    private synchronized void release() throws SQLException {
        if (holder == null) {
            return;
        }
        try (Statement s = holder.createStatement()) {
            // the connection goes back to the pool, still open: the lock must be given back by hand
            s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        } finally {
            holder.close();
            holder = null;
        }
    }
}
