package cn.lianban.security.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** One call to Camunda's REST API as the guards see it: method, resource path, caller and (on demand) JSON body. */
final class EngineCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final EnginePath path;
    private final EngineCaller caller;
    private final ReplayableRequest request;

    EngineCall(String method, EnginePath path, EngineCaller caller, ReplayableRequest request) {
        this.method = method;
        this.path = path;
        this.caller = caller;
        this.request = request;
    }

    /** The call has this method and exactly this path ({@code *}: any one segment). */
    boolean is(String method, String... pattern) {
        return this.method.equalsIgnoreCase(method) && path.is(pattern);
    }

    boolean reads() {
        return method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD");
    }

    EnginePath path() {
        return path;
    }

    EngineCaller caller() {
        return caller;
    }

    /** The JSON body; an empty body is a missing node. Refused when it is too large or not JSON. */
    JsonNode json() {
        byte[] body;
        try {
            body = request.body();
        } catch (IOException e) {
            throw EngineRefusal.badRequest("请求内容无法读取");
        }
        if (body == null) {
            throw EngineRefusal.tooLarge();
        }
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw EngineRefusal.badRequest("请求内容不是有效的 JSON");
        } catch (IOException e) {
            throw EngineRefusal.badRequest("请求内容无法读取");
        }
    }

    /** A text field of the JSON body; null when absent, null or not text. */
    String text(String field) {
        JsonNode value = json().path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
