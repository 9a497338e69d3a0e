package cn.lianban.common;

import org.springframework.http.HttpStatus;

/** Bad input to one of the project's endpoints: answered with HTTP 400 and an {@link ApiError}; nothing changed. */
public class BadRequest extends ApiException {

    public BadRequest(String code, String message) {
        super(HttpStatus.BAD_REQUEST, code, message);
    }
}
