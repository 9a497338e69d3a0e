package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.lianban.support.Postgres;

/**
 * V10 and the activity SQL (row lock, identity keys, the active-phone constraint, figures) on PostgreSQL 17,
 * at service level. Each test gets a database of its own.
 */
class ActivityPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    static final AtomicInteger databases = new AtomicInteger();

    private static ActivityDb freshDb() {
        String name = "activity" + databases.incrementAndGet();
        DataSource ds = postgres.newDatabase(name);
        ActivityDb db = ActivityDb.on(ds);
        assertThat(db.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
        return db;
    }

    @Test
    void capacityAndWaitingListOnPostgres() {
        ActivityScenarios.waitingList(freshDb());
    }

    @Test
    void residentsHearBackBySmsOnPostgres() {
        ActivityScenarios.residentsHearBack(freshDb());
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
