package db.migration;

import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A community order not accepted within 24 hours goes back to the city center (issue 15, point 4): its row takes
 * the status TIMED_OUT, and the order names the department the community chose (chosen_dept). V9 declared the
 * status check without a name, which H2 and PostgreSQL name differently, so it is found by its clause and replaced
 * by a named one: Java, as the two databases share no SQL for that.
 */
public class V78__order_timed_out extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        List<String> checks = jdbc.queryForList("SELECT tc.constraint_name FROM information_schema.table_constraints tc "
                + "JOIN information_schema.check_constraints cc ON cc.constraint_name = tc.constraint_name "
                + "AND cc.constraint_schema = tc.constraint_schema "
                + "WHERE LOWER(tc.table_name) = 'community_order' AND tc.constraint_type = 'CHECK' "
                + "AND cc.check_clause LIKE '%DECLINED%'", String.class);
        for (String name : checks) {
            jdbc.execute("ALTER TABLE community_order DROP CONSTRAINT \"" + name + "\"");
        }
        jdbc.execute("ALTER TABLE community_order ADD CONSTRAINT community_order_status CHECK (status IN "
                + "('ORDERED', 'DISPATCHED', 'DECLINED', 'TIMED_OUT', 'ACCEPTED', 'COMPLETED', 'CONFIRMED'))");
        jdbc.execute("ALTER TABLE community_order ADD COLUMN chosen_dept VARCHAR(32)");
    }
}
