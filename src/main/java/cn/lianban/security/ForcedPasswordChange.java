package cn.lianban.security;

import java.io.IOException;
import java.io.Serializable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.lianban.common.Forbidden;
import cn.lianban.directory.Passwords;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A login whose password was given by someone else (a reset, the directory import) does nothing before changing it:
 * every page sends it to {@code /password}, and the JSON API, the webapps' API and every HTTP Basic call answer 403
 * with a Chinese reason ({@code /engine-rest} says the same in {@code security.rest.EngineRestLogin}). The
 * answer is kept in the session for the login it was asked for, so a session asks Camunda once; a call without a
 * session (HTTP Basic) asks each time.
 */
class ForcedPasswordChange extends OncePerRequestFilter {

    private static final String CHECKED = ForcedPasswordChange.class.getName() + ".checked";

    private final Passwords passwords;

    ForcedPasswordChange(Passwords passwords) {
        this.passwords = passwords;
    }

    /** What was found for the session's login. */
    private record Checked(String login, boolean mustChange) implements Serializable {
    }

    /** Keeps the answer for the login of this session (after a login, after a change). */
    static void remember(HttpServletRequest request, String login, boolean mustChange) {
        request.getSession().setAttribute(CHECKED, new Checked(login, mustChange));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken
                || allowed(path) || !mustChange(request, user.getName())) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/") || path.startsWith(SecurityConfig.WEBAPPS + "/api/")
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            // an API call, or an app with HTTP Basic, which follows no redirect to a form: the refusal handler puts
            // the reason on the error page (JSON for these callers)
            throw new Forbidden(Passwords.CHANGE_FIRST);
        }
        response.sendRedirect(request.getContextPath() + PasswordController.PAGE);
    }

    /** What such a login may still open: the change itself, logging out, and what the pages need to be drawn. */
    private static boolean allowed(String path) {
        return path.equals(PasswordController.PAGE) || path.equals("/logout") || path.equals("/login")
                || path.startsWith("/css/") || path.equals("/error") || path.equals("/favicon.ico");
    }

    private boolean mustChange(HttpServletRequest request, String login) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return passwords.mustChange(login);
        }
        if (session.getAttribute(CHECKED) instanceof Checked c && c.login().equals(login)) {
            return c.mustChange();
        }
        boolean mustChange = passwords.mustChange(login);
        session.setAttribute(CHECKED, new Checked(login, mustChange));
        return mustChange;
    }
}
