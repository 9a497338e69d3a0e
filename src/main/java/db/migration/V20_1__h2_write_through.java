package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: every commit is written to the database file before it returns. H2's default write delay (500 ms) keeps
 * committed transactions in memory for up to half a second, so a {@code kill -9} lost work that had already been
 * answered 200, and a business key already handed out was handed out again after the restart. The setting is
 * stored in the database, so it holds for every connection URL; PostgreSQL needs nothing of the kind.
 */
public class V20_1__h2_write_through extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
        }
    }
}
