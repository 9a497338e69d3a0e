package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V10 and the activity SQL (row lock, identity keys, the active-phone constraint, figures) on PostgreSQL 17,
 * at service level. Each test gets a database of its own.
 */
class ActivityPostgresTest {

    static EmbeddedPostgres postgres;
    static final AtomicInteger databases = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static ActivityDb freshDb() {
        String name = "activity" + databases.incrementAndGet();
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("CREATE DATABASE " + name);
        DataSource ds = postgres.getDatabase("postgres", name);
        ActivityDb db = ActivityDb.on(ds);
        assertThat(db.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
        return db;
    }

    @Test
    void capacityAndWaitingListOnPostgres() {
        ActivityScenarios.waitingList(freshDb());
    }

    @Test
    void concurrentSignUpsNeverExceedTheCapacityOnPostgres() throws Exception {
        ActivityScenarios.concurrentSignUps(freshDb(), 10, 3);
    }

    @Test
    void figuresPerVenueAndMonthOnPostgres() {
        ActivityScenarios.figures(freshDb());
    }
}
