package cn.lianban.common;

import org.springframework.http.HttpStatus;

/** The thing a request names does not exist (or is not the caller's to see): HTTP 404. */
public class NotFound extends ApiException {

    public NotFound(String code, String message) {
        super(HttpStatus.NOT_FOUND, code, message);
    }
}
