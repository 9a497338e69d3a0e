package cn.lianban.common;

import org.springframework.http.HttpStatus;

/** A request that clashes with what is already stored (e.g. an hour already booked): HTTP 409; nothing changed. */
public class Conflict extends ApiException {

    public Conflict(String code, String message) {
        super(HttpStatus.CONFLICT, code, message);
    }
}
