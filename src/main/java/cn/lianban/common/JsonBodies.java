package cn.lianban.common;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Request bodies read strictly: an unknown field, a value of the wrong type or bad JSON is a {@link BadRequest}. */
public final class JsonBodies {

    public static final String CODE = "malformed_json";

    private JsonBodies() {
    }

    /**
     * Reads a JSON object into {@code type}, refusing fields the type does not have, fractions where a whole
     * number is expected and null for primitives (the application's mapper tolerates all three).
     */
    public static <T> T read(ObjectMapper mapper, JsonNode body, Class<T> type) {
        try {
            return mapper.readerFor(type)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .readValue(body);
        } catch (java.io.IOException e) {
            throw unreadable(e);
        }
    }

    /** The 400 for a body that could not be read, naming the field when the JSON parser knows it. */
    public static BadRequest unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException e) {
            return new BadRequest(CODE, "请求体含有不认识的字段：" + e.getPropertyName());
        }
        if (cause instanceof JsonParseException e) {
            return new BadRequest(CODE, "请求体不是有效的 JSON（第 " + e.getLocation().getLineNr() + " 行第 "
                    + e.getLocation().getColumnNr() + " 列附近）");
        }
        if (cause instanceof JsonMappingException e && !e.getPath().isEmpty()) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining("."));
            return new BadRequest(CODE, "请求体字段 " + field + " 的值无法识别");
        }
        return new BadRequest(CODE, "请求体应为所需格式的 JSON 对象");
    }
}
