package cn.lianban.database;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside every other filter, so that the logins (Camunda's HTTP Basic on /engine-rest, Spring Security on the
 * project's pages), which are the first to need the database, are covered too: a request that fails because the
 * database cannot be reached is answered by {@link DatabaseOutage}.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseOutage.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {} answered 503: the database cannot be reached ({})", request.getMethod(),
                    request.getRequestURI(), e.toString());
            DatabaseOutage.answer(request, response);
        }
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
            FilterRegistrationBean<DatabaseOutageFilter> bean = new FilterRegistrationBean<>(new DatabaseOutageFilter());
            // before Camunda's REST login (HIGHEST_PRECEDENCE + 20) and Spring Security (-100)
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return bean;
        }
    }
}
