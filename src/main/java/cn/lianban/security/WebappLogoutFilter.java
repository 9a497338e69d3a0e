package cn.lianban.security;

import java.io.IOException;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * 退出 in the webapps' user menu ends the whole login. Camunda's logout only drops the webapps' part of the
 * session; once it has answered (after its own CSRF check), the session itself is ended, and with it the login
 * of the project's pages.
 */
class WebappLogoutFilter extends OncePerRequestFilter {

    private final RequestMatcher logout = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, SecurityConfig.WEBAPPS + "/api/admin/auth/user/*/logout");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !logout.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() < 400) {
            new SecurityContextLogoutHandler().logout(request, response,
                    SecurityContextHolder.getContext().getAuthentication());
        }
    }
}
