package cn.lianban.security.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A call to Camunda's REST API that the project refuses before Camunda sees it, answered in Camunda's own error
 * shape {@code {"type", "message"}} (Tasklist shows the message as it is) with a Chinese message.
 */
class EngineRefusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String type;
    private final String error;

    private EngineRefusal(int status, String type, String message) {
        this(status, type, null, message);
    }

    private EngineRefusal(int status, String type, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.error = error;
    }

    static EngineRefusal badRequest(String message) {
        return new EngineRefusal(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
    }

    /**
     * A variable that is not a field of the task's (or start event's) form: Camunda's shape for Tasklist, plus the
     * contract's {@code error} code for apps.
     */
    static EngineRefusal fieldNotAllowed(String message) {
        return new EngineRefusal(HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", "field_not_allowed",
                message);
    }

    static EngineRefusal forbidden(String message) {
        return new EngineRefusal(HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", message);
    }

    /** For what the caller may not see: the same answer as for something that does not exist. */
    static EngineRefusal notFound(String message) {
        return new EngineRefusal(HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException", message);
    }

    static EngineRefusal tooLarge() {
        return new EngineRefusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
                "请求内容过大");
    }

    static EngineRefusal tooManyLogins(String message) {
        return new EngineRefusal(429, "InvalidRequestException", message);
    }

    int status() {
        return status;
    }

    void write(HttpServletResponse response) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", type);
        if (error != null) {
            body.put("error", error);
        }
        body.put("message", getMessage());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), body);
    }
}
