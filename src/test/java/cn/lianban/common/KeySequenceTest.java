package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.support.Postgres;

/**
 * Business keys from database sequences (V20): a database with the former counter table and keys already handed
 * out continues after the highest of them, and keys drawn at the same moment or by a filing that is rolled back
 * are never handed out again, on H2 and on PostgreSQL.
 */
class KeySequenceTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void anExistingH2DatabaseContinuesAfterItsHighestKey() {
        continuesAfterTheHighestKey(h2());
    }

    @Test
    void anExistingPostgresDatabaseContinuesAfterItsHighestKey() {
        continuesAfterTheHighestKey(postgres.newDatabase("keys_migrated"));
    }

    @Test
    void concurrentAndRolledBackFilingsNeverShareAKeyOnH2() throws Exception {
        neverTwice(h2());
    }

    @Test
    void concurrentAndRolledBackFilingsNeverShareAKeyOnPostgres() throws Exception {
        neverTwice(postgres.newDatabase("keys_concurrent"));
    }

    private void continuesAfterTheHighestKey(DataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target("14").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO key_sequence(prefix, seq_year, last_value) VALUES ('TK', 2026, 41), ('JH', 2026, 7), "
                + "('JH', 2025, 130)");
        // the engine's history, as Camunda keeps it: one JH key above its counter, and keys of no interest
        jdbc.execute("CREATE TABLE ACT_HI_PROCINST (ID_ VARCHAR(64), BUSINESS_KEY_ VARCHAR(255))");
        jdbc.update("INSERT INTO ACT_HI_PROCINST VALUES ('1', 'JH-2026-000006'), ('2', 'JH-2026-000009'), "
                + "('3', 'TK-2026-000041'), ('4', 'TK-2026-x'), ('5', 'B-20261201-0001'), ('6', NULL)");

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        KeySequence keys = new KeySequence(jdbc, new DataSourceTransactionManager(db));
        assertThat(keys.next("TK", 2026)).isEqualTo("TK-2026-000042");
        assertThat(keys.next("JH", 2026)).as("after the history's JH-2026-000009").isEqualTo("JH-2026-000010");
        assertThat(keys.next("JH", 2025)).isEqualTo("JH-2025-000131");
        assertThat(keys.next("TK", 2027)).as("a new year starts at 1").isEqualTo("TK-2027-000001");
        assertThat(keys.next("TK", 2027)).isEqualTo("TK-2027-000002");
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT COUNT(*) FROM key_sequence", Integer.class))
                .as("the counter table is gone").isInstanceOf(org.springframework.jdbc.BadSqlGrammarException.class);
    }

    private void neverTwice(DataSource db) throws Exception {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        DataSourceTransactionManager tx = new DataSourceTransactionManager(db);
        KeySequence keys = new KeySequence(new JdbcTemplate(db), tx);
        TransactionTemplate filing = new TransactionTemplate(tx);

        String refused = filing.execute(status -> {
            String key = keys.next("RC", 2026);
            status.setRollbackOnly(); // the filing is refused after it drew its key
            return key;
        });
        List<Callable<List<String>>> clerks = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            clerks.add(() -> {
                List<String> drawn = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    drawn.add(filing.execute(status -> keys.next("RC", 2026)));
                }
                return drawn;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> all = new ArrayList<>(List.of(refused));
        try {
            for (Future<List<String>> drawn : pool.invokeAll(clerks)) {
                all.addAll(drawn.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(201).doesNotHaveDuplicates().allMatch(k -> k.matches("RC-2026-\\d{6}"));
    }

    private static DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
