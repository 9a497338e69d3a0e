package cn.lianban.common;

import org.springframework.security.access.AccessDeniedException;

/**
 * A logged-in user asks for something their role or unit does not allow. JSON endpoints answer 403 with an
 * {@link ApiError} {@code forbidden}; on pages Spring Security turns it into its usual 403.
 */
public class Forbidden extends AccessDeniedException {

    public Forbidden(String message) {
        super(message);
    }
}
