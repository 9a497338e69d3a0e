package cn.lianban.security.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic on the project's pages and API: a throttled login gets 429 with Retry-After and the contract's body
 * {@code {"error": "too_many_logins", "message"}}; every other failure Spring's usual 401 challenge.
 */
public class ThrottledBasicEntryPoint implements AuthenticationEntryPoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BasicAuthenticationEntryPoint challenge = new BasicAuthenticationEntryPoint();

    public ThrottledBasicEntryPoint() {
        challenge.setRealmName("Realm");
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!(e instanceof LoginThrottled throttled)) {
            challenge.commence(request, response, e);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), new ApiError("too_many_logins", throttled.getMessage()));
    }
}
