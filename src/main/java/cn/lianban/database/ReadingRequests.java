package cn.lianban.database;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/** Requests whose method only reads (GET, HEAD, OPTIONS, TRACE), for the filters that treat writes differently. */
final class ReadingRequests {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private ReadingRequests() {
    }

    static boolean byMethod(HttpServletRequest request) {
        return METHODS.contains(request.getMethod());
    }
}
