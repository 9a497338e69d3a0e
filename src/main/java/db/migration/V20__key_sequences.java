package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import cn.lianban.common.KeySequence;

/**
 * Business keys move from the counter table {@code key_sequence} to one database sequence per prefix and year
 * ({@link KeySequence}). Each sequence continues after the highest number handed out so far: the counter's, or a
 * higher one among the process instances' business keys, should a counter ever have fallen behind them.
 */
public class V20__key_sequences extends BaseJavaMigration {

    private static final Pattern KEY = Pattern.compile("([A-Z]{2,8})-(\\d{4})-(\\d+)");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        Map<String, Long> last = new TreeMap<>();
        jdbc.query("SELECT prefix, seq_year, last_value FROM key_sequence", (ResultSet rs) -> {
            last.merge(rs.getString(1) + "-" + rs.getInt(2), rs.getLong(3), Math::max);
        });
        if (engineHistoryExists(connection)) {
            for (String prefixYear : Map.copyOf(last).keySet()) {
                last.merge(prefixYear, highestInHistory(jdbc, prefixYear), Math::max);
            }
        }
        for (Map.Entry<String, Long> e : last.entrySet()) {
            String[] prefixYear = e.getKey().split("-");
            jdbc.execute("CREATE SEQUENCE " + KeySequence.sequenceName(prefixYear[0], Integer.parseInt(prefixYear[1]))
                    + " START WITH " + (e.getValue() + 1));
        }
        jdbc.execute("DROP TABLE key_sequence");
    }

    /** The engine creates its tables after the project's migrations: on a new database there is no history yet. */
    private static boolean engineHistoryExists(Connection connection) throws SQLException {
        for (String name : new String[]{"ACT_HI_PROCINST", "act_hi_procinst"}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keys are zero-padded, so the longest and then greatest key of a prefix and year has the highest number. */
    private static long highestInHistory(JdbcTemplate jdbc, String prefixYear) {
        jdbc.setMaxRows(50);
        try {
            for (String key : jdbc.queryForList("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ LIKE ? "
                    + "ORDER BY LENGTH(BUSINESS_KEY_) DESC, BUSINESS_KEY_ DESC", String.class, prefixYear + "-%")) {
                Matcher m = KEY.matcher(key);
                if (m.matches()) {
                    return Long.parseLong(m.group(3));
                }
            }
            return 0;
        } finally {
            jdbc.setMaxRows(-1);
        }
    }
}
