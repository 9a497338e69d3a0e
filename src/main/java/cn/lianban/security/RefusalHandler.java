package cn.lianban.security;

import java.io.IOException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import cn.lianban.common.Forbidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A logged-in user refused (403) gets the error page. The project's own refusals ({@link Forbidden}) say in
 * Chinese why, and the page shows that; Spring's generic "Access Denied" is never shown.
 */
public class RefusalHandler implements AccessDeniedHandler {

    /** Request attribute with the Chinese reason of a {@link Forbidden}, for the error page. */
    public static final String REASON = RefusalHandler.class.getName() + ".reason";

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (refusal instanceof Forbidden) {
            request.setAttribute(REASON, refusal.getMessage());
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
