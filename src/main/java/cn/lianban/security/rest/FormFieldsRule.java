package cn.lianban.security.rest;

import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task completion ({@code complete}, {@code submit-form}, {@code resolve}) and a process start ({@code start},
 * {@code submit-form}, by key or id) carry the fields of the task's or start event's form ({@link FormFields}) and
 * nothing else: a variable that routes or times the case ({@code communityGroup}, {@code level}, {@code dueDate})
 * is written by the process only. Tasklist submits exactly the form's fields, so only hand-made calls are refused.
 * <p>
 * Administrators are not exempt: they complete and start through the same forms. Repairing a case's variables is a
 * separate, deliberate act they do through the variable calls ({@link VariableWritesRule}) or Cockpit.
 * Starting somewhere else than at the start event ({@code startInstructions}, skipping listeners or mappings)
 * bypasses the process's own checks and is for administrators only.
 */
@Component
@Order(25)
class FormFieldsRule implements EngineRule {

    static final String SKIPS_STEPS = "只有管理员可以从流程中间发起事项或跳过流程的检查。";

    private final EngineLookup lookup;
    private final FormFields forms;

    FormFieldsRule(EngineLookup lookup, FormFields forms) {
        this.lookup = lookup;
        this.forms = forms;
    }

    @Override
    public void check(EngineCall call) {
        if (isCompletion(call)) {
            String taskId = call.path().get(1);
            // an unknown task is Camunda's to answer (404), one the caller may not work on too (403)
            if (lookup.runningTask(taskId).isPresent() && lookup.worksOn(call.caller(), taskId)) {
                allowOnly(call.json().path("variables"), forms.ofTask(taskId));
            }
            return;
        }
        definitionStarted(call).ifPresent(definitionId -> {
            JsonNode body = call.json();
            if (!call.caller().isAdmin() && (body.hasNonNull("startInstructions")
                    || body.path("skipCustomListeners").asBoolean() || body.path("skipIoMappings").asBoolean())) {
                throw EngineRefusal.forbidden(SKIPS_STEPS);
            }
            allowOnly(body.path("variables"), forms.ofStart(definitionId));
        });
    }

    private static boolean isCompletion(EngineCall call) {
        return call.is("POST", "task", "*", "complete") || call.is("POST", "task", "*", "submit-form")
                || call.is("POST", "task", "*", "resolve");
    }

    /** The definition a start call starts; empty for other calls and for unknown definitions (Camunda's 404). */
    private Optional<String> definitionStarted(EngineCall call) {
        EnginePath path = call.path();
        for (String action : new String[]{"start", "submit-form"}) {
            if (call.is("POST", "process-definition", "key", "*", action)) {
                return lookup.latestDefinition(path.get(2), null);
            }
            if (call.is("POST", "process-definition", "key", "*", "tenant-id", "*", action)) {
                return lookup.latestDefinition(path.get(2), path.get(4));
            }
            if (call.is("POST", "process-definition", "*", action)) {
                return Optional.of(path.get(1));
            }
        }
        return Optional.empty();
    }

    private static void allowOnly(JsonNode variables, Set<String> fields) {
        Set<String> foreign = new TreeSet<>();
        for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            throw EngineRefusal.fieldNotAllowed("只能提交表单中的内容，以下内容不属于该表单，由流程自动填写："
                    + String.join("、", foreign));
        }
    }
}
