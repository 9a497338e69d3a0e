package cn.lianban.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request GeoReport v2 refuses: 403 for a missing or bad api_key, 404 for a resource that does not exist,
 * 400 for everything else. Carries one or more descriptions; each becomes an {@code error} of the answer.
 */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;
    private final List<String> descriptions;

    Open311Exception(HttpStatus status, String description) {
        this(status, List.of(description));
    }

    Open311Exception(HttpStatus status, List<String> descriptions) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    HttpStatus status() {
        return status;
    }

    List<String> descriptions() {
        return descriptions;
    }
}
