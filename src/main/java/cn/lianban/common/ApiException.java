package cn.lianban.common;

import org.springframework.http.HttpStatus;

/**
 * A request the project refuses, answered by {@link ApiErrors} with the exception's HTTP status and an
 * {@link ApiError} body {@code {"error": code, "message": message}}; nothing has been changed.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
