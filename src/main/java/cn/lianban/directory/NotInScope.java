package cn.lianban.directory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A unit or person that does not exist, or that the login may not manage: both answer 404, so a street office
 * cannot probe another street's codes.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class NotInScope extends RuntimeException {
    NotInScope() {
        super("没有找到");
    }
}
