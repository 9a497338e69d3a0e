package cn.lianban.security.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.lianban.directory.Passwords;
import cn.lianban.security.login.LoginThrottle;
import cn.lianban.security.login.LoginThrottled;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic on {@code /engine-rest}, in place of Camunda's {@code ProcessEngineAuthenticationFilter}: the same
 * check against the Camunda identity, but failed logins go through the {@link LoginThrottle} (Camunda's filter
 * builds its provider by class name, so it cannot be given one), and a blocked login or address gets 429 with
 * Retry-After without its password being checked. As in Camunda's filter, {@code /engine} (the list of engines)
 * is open. A login whose password was given by someone else gets 403 until it has changed it on the web page
 * (as {@code security.ForcedPasswordChange} answers the project's API).
 */
class EngineRestLogin extends OncePerRequestFilter {

    private static final String BASIC = "Basic ";

    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final Passwords passwords;

    EngineRestLogin(IdentityService identity, LoginThrottle throttle, Passwords passwords) {
        this.identity = identity;
        this.throttle = throttle;
        this.passwords = passwords;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (EnginePath.of(request).map(EnginePath::isEngineList).orElse(false)) {
            chain.doFilter(request, response);
            return;
        }
        String[] credentials = credentials(request);
        if (credentials == null) {
            challenge(response);
            return;
        }
        String user = credentials[0];
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitFor(user, address);
        if (wait.isPresent()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(LoginThrottled.seconds(wait.get())));
            EngineRefusal.tooManyLogins(LoginThrottled.message(wait.get())).write(response);
            return;
        }
        if (!identity.checkPassword(user, credentials[1])) {
            throttle.failed(user, address);
            challenge(response);
            return;
        }
        throttle.succeeded(user);
        if (passwords.mustChange(user)) {
            EngineRefusal.forbidden(Passwords.CHANGE_FIRST).write(response);
            return;
        }
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        request.setAttribute(EngineCaller.ATTRIBUTE, new EngineCaller(user, groups));
        identity.setAuthentication(user, groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Login and password of a Basic header, or null when there is none or it is malformed. */
    private static String[] credentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BASIC)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 1 ? null : new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static void challenge(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"default\"");
    }
}
