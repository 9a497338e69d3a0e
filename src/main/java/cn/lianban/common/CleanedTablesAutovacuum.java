package cn.lianban.common;

import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.lianban.database.Databases;

/**
 * PostgreSQL vacuums the tables the night cleans (the engine's history, {@code ACT_GE_BYTEARRAY}, and each
 * {@link NightlyCleanup}'s table) right after their rows are removed, so the next day's rows reuse the freed space and
 * the database stays the same size (issue #12 point 4; bench/README.md, "History benchmark").
 * <p>
 * A night removes about a 365th of a year's rows. Autovacuum visits a table once a fifth of its rows have died
 * (PostgreSQL's {@code autovacuum_vacuum_scale_factor} 0.2), some 70 nights here; until then nothing freed is reused
 * and the files grow by every day's rows. Per table, {@code lianban.history.vacuum-scale-factor} (0.2 %) plus
 * {@value #THRESHOLD} rows brings autovacuum the night the rows died, and {@code vacuum_index_cleanup=on} makes it
 * clean the indexes too: PostgreSQL 14+ skips them while the dead rows touch under 2 % of the pages, so a night's
 * freed index entries waited about nine nights, and the indexes grew meanwhile. Set when it differs, so later starts
 * change nothing; a startup runner inside the node's startup turn. Not on H2, which has no such setting.
 */
@Component
@Order(1)
class CleanedTablesAutovacuum implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(CleanedTablesAutovacuum.class);

    /** Rows that must have died besides the share before autovacuum comes (PostgreSQL's default is 50). */
    static final int THRESHOLD = 1000;

    private final JdbcTemplate jdbc;
    private final List<String> projectTables;
    private final String scaleFactor;

    CleanedTablesAutovacuum(JdbcTemplate jdbc, List<NightlyCleanup> cleanups,
                            @Value("${lianban.history.vacuum-scale-factor:0.002}") double scaleFactor) {
        if (!(scaleFactor > 0 && scaleFactor <= 0.2)) {
            throw new IllegalArgumentException(
                    "lianban.history.vacuum-scale-factor must be above 0 and at most 0.2, not " + scaleFactor);
        }
        this.jdbc = jdbc;
        this.projectTables = cleanups.stream().map(c -> c.table().toLowerCase(Locale.ROOT)).distinct().toList();
        this.scaleFactor = Double.toString(scaleFactor);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!Databases.isPostgres(jdbc)) {
            return;
        }
        List<String> options = List.of("autovacuum_vacuum_scale_factor=" + scaleFactor,
                "autovacuum_vacuum_threshold=" + THRESHOLD, "vacuum_index_cleanup=on");
        // tables of the current schema whose options (text[] of name=value) lack one of ours
        List<String> tables = jdbc.queryForList("SELECT c.relname FROM pg_class c WHERE c.relkind = 'r' AND "
                + "c.relnamespace = current_schema()::regnamespace AND (c.relname LIKE 'act\\_hi\\_%' OR c.relname = "
                + "'act_ge_bytearray' OR c.relname = ANY (?::text[])) AND NOT (COALESCE(c.reloptions, '{}') @> "
                + "?::text[]) ORDER BY 1", String.class, array(projectTables), array(options));
        for (String table : tables) {
            String sql = "ALTER TABLE " + table + " SET (" + String.join(", ", options) + ")";
            try {
                jdbc.execute(sql);
            } catch (DataAccessException e) {
                // only the table's owner may: a database whose tables belong to another role starts all the same
                LOG.warn("无法设置表 {} 的自动清理参数，请数据库管理员执行 / could not set autovacuum options, run as the "
                        + "table owner: {}; {}", table, sql, e.getMostSpecificCause().getMessage());
            }
        }
    }

    /** A PostgreSQL text[] literal of plain names and options (no commas, quotes or braces in them). */
    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }
}
