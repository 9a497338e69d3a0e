package cn.lianban.security.rest;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.Grants;

/**
 * The variables a task or a start event accepts: the keys of the input fields of its Camunda Form
 * ({@code camunda:formRef}, resolved by Camunda as Tasklist resolves it). A field's key (or a group's or list's
 * {@code path}) names a top-level variable by its first segment, as form-js submits it. A task or start event
 * without a Camunda Form accepts none. The parsed keys are cached per form definition (by its content: one
 * deployed version of a form is one entry).
 */
@Component
class FormFields {

    /** Components that show or arrange but submit nothing. */
    private static final Set<String> DISPLAY_ONLY = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "table");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FormService forms;
    private final Grants grants;
    private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

    FormFields(FormService forms, Grants grants) {
        this.forms = forms;
        this.grants = grants;
    }

    Set<String> ofTask(String taskId) {
        return keys(() -> forms.getDeployedTaskForm(taskId));
    }

    Set<String> ofStart(String processDefinitionId) {
        return keys(() -> forms.getDeployedStartForm(processDefinitionId));
    }

    private Set<String> keys(Supplier<InputStream> form) {
        byte[] content;
        try {
            content = grants.asSystem(() -> {
                try (InputStream in = form.get()) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException("form unreadable", e);
                }
            });
        } catch (ProcessEngineException noCamundaForm) {
            return Set.of();
        }
        return byDefinition.computeIfAbsent(digest(content), d -> parse(content));
    }

    /** The top-level variable names a form submits; none when it is not a form-js schema. */
    static Set<String> parse(byte[] content) {
        Set<String> keys = new LinkedHashSet<>();
        try {
            collect(JSON.readTree(content).path("components"), keys);
        } catch (IOException notJson) {
            return Set.of();
        }
        return Set.copyOf(keys);
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode component : components) {
            if (DISPLAY_ONLY.contains(component.path("type").asText())) {
                continue;
            }
            if (component.has("components")) {
                // a group or dynamic list: with a path it submits one variable, without one its fields each
                if (component.path("path").isTextual() && !component.path("path").asText().isBlank()) {
                    keys.add(firstSegment(component.path("path").asText()));
                } else {
                    collect(component.path("components"), keys);
                }
            } else if (component.path("key").isTextual() && !component.path("key").asText().isBlank()) {
                keys.add(firstSegment(component.path("key").asText()));
            }
        }
    }

    private static String firstSegment(String keyOrPath) {
        int dot = keyOrPath.indexOf('.');
        return dot < 0 ? keyOrPath : keyOrPath.substring(0, dot);
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
