package cn.lianban.common;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Reads a JSON request body into its record strictly ({@link JsonBodies}) and checks it with Bean Validation:
 * the record's annotations carry the Chinese sentences. A refused body is a {@link BadRequest} whose message
 * joins the sentences in the order of the record's fields, and whose code names the first: {@code
 * missing_<field>} (not given), {@code <field>_too_long} (text longer than allowed), {@code bad_<field>} (any other
 * constraint), with the field in snake case — or one code the endpoint's contract gives for every refusal of its
 * input (e.g. {@code invalid_signup}).
 */
@Component
public class RequestBodies {

    private final ObjectMapper json;
    private final Validator validator;

    public RequestBodies(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(JsonNode body, Class<T> type) {
        return read(body, type, null);
    }

    /** The same, answering every refusal of the body's values with {@code code}. */
    public <T> T read(JsonNode body, Class<T> type, String code) {
        if (body == null || !body.isObject()) {
            throw new BadRequest(JsonBodies.CODE, "请求体应为所需格式的 JSON 对象");
        }
        return valid(JsonBodies.read(json, body, type), code);
    }

    /** Checks a request already bound (form parameters, query) by its annotations. */
    public <T> T valid(T request) {
        return valid(request, null);
    }

    /** The same, answering every refusal with {@code code}; null derives the code from the first field. */
    public <T> T valid(T request, String code) {
        List<ConstraintViolation<T>> violations = violations(request);
        if (violations.isEmpty()) {
            return request;
        }
        throw new BadRequest(code != null ? code : code(violations.get(0)),
                sentences(violations).collect(Collectors.joining("；")));
    }

    /**
     * The sentences of everything the annotations find wrong with a request, in the order of its fields; empty when
     * nothing is. For answers that list each problem on its own, such as GeoReport's error lists.
     */
    public List<String> problems(Object request) {
        return sentences(violations(request)).toList();
    }

    private <T> List<ConstraintViolation<T>> violations(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        List<String> fields = fieldOrder(request.getClass());
        return violations.stream()
                .sorted(Comparator.comparingInt((ConstraintViolation<T> v) -> position(fields, v))
                        .thenComparing(ConstraintViolation::getMessage))
                .toList();
    }

    private static Stream<String> sentences(List<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).distinct();
    }

    static String code(ConstraintViolation<?> violation) {
        String field = snake(violation.getPropertyPath().toString());
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        if (constraint == NotBlank.class || constraint == NotNull.class || constraint == NotEmpty.class) {
            return "missing_" + field;
        }
        if (constraint == Size.class && violation.getInvalidValue() instanceof CharSequence text
                && text.length() > (Integer) violation.getConstraintDescriptor().getAttributes().get("max")) {
            return field + "_too_long";
        }
        return "bad_" + field;
    }

    private static List<String> fieldOrder(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? List.of()
                : Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    private static int position(List<String> fields, ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        int dot = path.indexOf('.');
        int at = fields.indexOf(dot < 0 ? path : path.substring(0, dot));
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** A field's name as the refusal codes carry it: {@code itemCode} → {@code item_code}. */
    public static String snake(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toLowerCase(java.util.Locale.ROOT);
    }
}
