package cn.lianban.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;

import org.postgresql.PGConnection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.zaxxer.hikari.HikariDataSource;

/**
 * On PostgreSQL, a person's reads are planned with their values and everything else reuses plans.
 * <p>
 * Tasklist's lists need plans made with the values: a reused plan, made without them, walked the whole variable
 * table for a page's card variables (1.0–1.4 s instead of 11 ms at 100,000 open tasks), and the statistics on
 * permission bits ({@link EngineIndexes}) only help a plan made with the values. But planning every statement
 * anew cost the engine's writes as much: a fired timer sends 64 statements, and planning them took 3.3–5.9 ms
 * of PostgreSQL's CPU per timer against 0.15–0.18 ms when PostgreSQL may reuse its plans (bench TimerBenchmark,
 * bench/README.md). So the connection keeps PostgreSQL's default ({@code plan_cache_mode = auto}), and a connection
 * taken for a reading request ({@link #isRead}) is switched to {@code force_custom_plan} first, and back when a
 * writing request, a job or a scheduled task takes it. Each connection remembers its mode, so a switch costs one
 * {@code SET} only when the mode changes.
 */
class ReadsPlannedWithValues extends DelegatingDataSource {

    /**
     * Queries sent with POST, as Tasklist and Cockpit send theirs: a saved filter's list and count, and the engine
     * REST API's query resources (a write there has a path of its own: {@code /task/{id}/complete},
     * {@code /process-definition/key/…/start}).
     */
    private static final Pattern POSTED_QUERY = Pattern.compile(".*/(filter/[^/]+/(list|count)"
            + "|(task|process-instance|execution|variable-instance|history/[a-z-]+)(/count)?)$");

    /** Connections switched to plans with values; absent means PostgreSQL's default. */
    private final Map<PGConnection, Boolean> valuePlanned = Collections.synchronizedMap(new WeakHashMap<>());

    ReadsPlannedWithValues(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return chosen(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return chosen(super.getConnection(username, password));
    }

    private Connection chosen(Connection connection) throws SQLException {
        PGConnection session = connection.unwrap(PGConnection.class);
        boolean wanted = isRead(currentRequest());
        if (wanted != valuePlanned.getOrDefault(session, false)) {
            try (Statement set = connection.createStatement()) {
                set.execute(wanted ? "SET plan_cache_mode = force_custom_plan" : "SET plan_cache_mode = auto");
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
            valuePlanned.put(session, wanted);
        }
        return connection;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    /** A request that only reads, as far as its method and path tell; none outside a request (jobs, schedules). */
    static boolean isRead(HttpServletRequest request) {
        if (request == null) {
            return false;
        }
        return ReadingRequests.byMethod(request)
                || "POST".equals(request.getMethod()) && POSTED_QUERY.matcher(request.getRequestURI()).matches();
    }

    @Configuration
    static class Wrapping {
        /**
         * Wraps the application's connection pool when it is PostgreSQL's; the engine, Flyway and every JdbcTemplate
         * take it from the context.
         */
        @Bean
        static BeanPostProcessor readsPlannedWithValues() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    boolean postgres = bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                            && pool.getJdbcUrl().startsWith("jdbc:postgresql:");
                    return postgres ? new ReadsPlannedWithValues((DataSource) bean) : bean;
                }
            };
        }
    }
}
