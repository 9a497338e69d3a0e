package cn.lianban.security;

import java.io.IOException;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer, also where Spring Security adds no headers
 * ({@code /engine-rest}, which it does not guard, and the webapps, which bring their own other headers): a browser
 * must never run an uploaded attachment or a JSON answer as a script or page.
 */
class SecurityHeaders extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
