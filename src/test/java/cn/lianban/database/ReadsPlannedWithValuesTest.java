package cn.lianban.database;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.zaxxer.hikari.HikariDataSource;

import cn.lianban.support.Postgres;

/** Tasklist's lists are planned with their values; the engine's writes and jobs reuse PostgreSQL's plans. */
class ReadsPlannedWithValuesTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    private static HikariDataSource pool;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void onePooledConnection() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl("postgres"));
        pool.setUsername("postgres");
        // one connection, so every request below gets the same session as the one before
        pool.setMaximumPoolSize(1);
        jdbc = new JdbcTemplate((DataSource) ReadsPlannedWithValues.Wrapping.readsPlannedWithValues()
                .postProcessAfterInitialization(pool, "dataSource"));
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aTasklistPageIsPlannedWithItsValuesAndACompletionReusesPlans() {
        String tasklist = "/camunda/api/engine/engine/default/filter/f1";
        assertThat(planModeDuring("POST", tasklist + "/list")).isEqualTo("force_custom_plan");
        assertThat(planModeDuring("POST", "/engine-rest/task/t1/complete")).isEqualTo("auto");
        assertThat(planModeDuring("GET", tasklist + "/count")).isEqualTo("force_custom_plan");
        assertThat(planModeDuring("POST", "/engine-rest/process-definition/key/ticket/start")).isEqualTo("auto");
    }

    @Test
    void aJobOrAScheduleOutsideAnyRequestReusesPlans() {
        planModeDuring("GET", "/cases/C-1");
        RequestContextHolder.resetRequestAttributes();
        assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
    }

    @Test
    void queriesSentWithPostCountAsReads() {
        assertThat(ReadsPlannedWithValues.isRead(request("POST", "/engine-rest/task"))).isTrue();
        assertThat(ReadsPlannedWithValues.isRead(request("POST", "/engine-rest/task/count"))).isTrue();
        assertThat(ReadsPlannedWithValues.isRead(request("POST", "/engine-rest/history/process-instance"))).isTrue();
        assertThat(ReadsPlannedWithValues.isRead(request("POST", "/engine-rest/task/t1/claim"))).isFalse();
        assertThat(ReadsPlannedWithValues.isRead(request("POST", "/tickets/T-1/comments"))).isFalse();
        assertThat(ReadsPlannedWithValues.isRead(request("PUT", "/engine-rest/filter/f1"))).isFalse();
    }

    @Test
    void theEmbeddedH2PoolIsLeftAsItIs() {
        try (HikariDataSource h2 = new HikariDataSource()) {
            h2.setJdbcUrl("jdbc:h2:mem:plans");
            assertThat(ReadsPlannedWithValues.Wrapping.readsPlannedWithValues()
                    .postProcessAfterInitialization(h2, "dataSource")).isSameAs(h2);
        }
    }

    private static String planModeDuring(String method, String path) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request(method, path)));
        return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }
}
