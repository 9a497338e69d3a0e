package cn.lianban.database;

import java.io.IOException;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded H2 database keeps committed transactions in memory for up to half a second (its write delay) before
 * its background writer stores them in the file: a {@code kill -9} in that window lost starts and completions that
 * had been answered 2xx, and the key counter with them. So on an H2 file database a request that may have written
 * (any method but GET, HEAD, OPTIONS) holds its answer until H2 has stored everything committed so far
 * ({@code CHECKPOINT}); when that fails, the answer is not sent. {@code WRITE_DELAY 0} would store at every commit
 * too, but it also stops the background writer's housekeeping, and the file grew by 190 MB per 400 tickets
 * (29 MB with the write delay). PostgreSQL's commits are durable when they return: nothing to do there.
 */
class H2WriteThrough extends OncePerRequestFilter {

    private final JdbcTemplate jdbc;

    H2WriteThrough(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ReadingRequests.byMethod(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        jdbc.execute("CHECKPOINT");
        held.copyBodyToResponse();
    }

    /** An H2 database in a file (or an H2 server); an in-memory one has nothing to lose on disk. */
    static boolean isH2OnDisk(DataSource dataSource) {
        return dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:h2:") && !hikari.getJdbcUrl().startsWith("jdbc:h2:mem:");
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<H2WriteThrough> h2WriteThrough(DataSource dataSource) {
            FilterRegistrationBean<H2WriteThrough> bean = new FilterRegistrationBean<>(new H2WriteThrough(dataSource));
            bean.setEnabled(isH2OnDisk(dataSource));
            // inside DatabaseOutageFilter (a failed CHECKPOINT for want of a connection is answered 503), outside
            // every login and servlet that writes
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
            return bean;
        }
    }
}
