package cn.lianban.security.rest;

import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads of one case or task by id ({@code GET /process-instance/{id}}, {@code …/variables}, {@code …/activity-instances},
 * {@code /task/{id}}, {@code …/variables}, {@code …/form-variables}, …) answer 404 to whoever sees neither the task
 * nor its case, word for word the answer for an id that does not exist. Camunda answers some of them 403 with an
 * English message naming the instance, which told a stranger that the case exists. (Histories need no rule: Camunda
 * shows a historic instance, its tasks, variables and logs only to the units {@code CaseAccess} opened the case to
 * and to the city center, by id as 404 and in lists by leaving them out.) Attachments and comments are
 * {@link CaseNotesRule}'s.
 */
@Component
@Order(45)
class CaseReadsRule implements EngineRule {

    /** Reads under these paths that are not about one case or task. */
    private static final Set<String> NOT_AN_ID = Set.of("count", "report");

    private final EngineLookup lookup;

    CaseReadsRule(EngineLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void check(EngineCall call) {
        EnginePath path = call.path();
        String id = path.get(1);
        if (!call.reads() || id == null || NOT_AN_ID.contains(id)) {
            return;
        }
        if (path.startsWith("process-instance") && !lookup.seesCase(call.caller(), id)) {
            throw EngineRefusal.notFound(CaseNotesRule.NO_CASE);
        }
        if (path.startsWith("task") && !isNote(path) && !seesTask(call.caller(), id)) {
            throw EngineRefusal.notFound(CaseNotesRule.NO_TASK);
        }
    }

    /** Works on the running task, or follows its case (Camunda then decides what of the task it shows). */
    private boolean seesTask(EngineCaller caller, String taskId) {
        return lookup.worksOn(caller, taskId) || lookup.runningTask(taskId)
                .map(task -> lookup.seesCase(caller, task.processInstanceId())).orElse(false);
    }

    private static boolean isNote(EnginePath path) {
        return path.startsWith("task", "*", "attachment") || path.startsWith("task", "*", "comment");
    }
}
