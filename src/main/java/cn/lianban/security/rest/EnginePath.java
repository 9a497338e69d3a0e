package cn.lianban.security.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.web.util.UriUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The resource path of a call to Camunda's REST API, the same for its two doors: {@code /engine-rest/task/1/claim}
 * (or {@code /engine-rest/engine/default/task/1/claim}) and the webapps' {@code /camunda/api/engine/engine/default/
 * task/1/claim} both give {@code [task, 1, claim]}. Segments are decoded, empty ones and matrix parameters dropped,
 * so a path the guards read is the path Camunda's JAX-RS routes.
 */
record EnginePath(List<String> segments, boolean isEngineList) {

    private static final List<String> REST = List.of("engine-rest");
    private static final List<String> WEBAPP = List.of("camunda", "api", "engine");

    /** The engine resource path of the request; empty for requests that are not calls to Camunda's REST API. */
    static Optional<EnginePath> of(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        List<String> segments = new ArrayList<>();
        for (String raw : uri.split("/")) {
            int matrix = raw.indexOf(';');
            String segment = decoded(matrix < 0 ? raw : raw.substring(0, matrix));
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        List<String> rest;
        if (startsWith(segments, REST)) {
            rest = segments.subList(REST.size(), segments.size());
            if (rest.isEmpty() || !rest.get(0).equals("engine")) {
                return Optional.of(new EnginePath(List.copyOf(rest), false));
            }
        } else if (startsWith(segments, WEBAPP)) {
            rest = segments.subList(WEBAPP.size(), segments.size());
        } else {
            return Optional.empty();
        }
        // engine/{name}/... addresses one engine; engine alone lists them
        if (rest.size() <= 1) {
            return Optional.of(new EnginePath(List.of(), true));
        }
        return Optional.of(new EnginePath(List.copyOf(rest.subList(2, rest.size())), false));
    }

    /** The whole path is {@code pattern}, where {@code *} stands for any one segment. */
    boolean is(String... pattern) {
        return segments.size() == pattern.length && startsWith(pattern);
    }

    /** The path begins with {@code pattern}, where {@code *} stands for any one segment. */
    boolean startsWith(String... pattern) {
        if (segments.size() < pattern.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!pattern[i].equals("*") && !pattern[i].equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    String get(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    private static String decoded(String segment) {
        try {
            return UriUtils.decode(segment, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static boolean startsWith(List<String> segments, List<String> prefix) {
        return segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix);
    }

    @Override
    public String toString() {
        return "/" + String.join("/", segments) + (isEngineList ? " (engines)" : "");
    }
}
