package cn.lianban.issue;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A step that comes round again (a second meeting after escalation, another handling round, approval or evaluation)
 * opens its form blank: Tasklist fills a form from the case's variables, so the answers of the last round would
 * otherwise stand pre-filled. What earlier rounds answered stays in the audit trail and in {@code handlingRounds}.
 */
final class FreshAnswers {

    /** The answers each step's form asks for, by the status the step enters; the meeting keeps its proposals. */
    private static final Map<String, List<String>> ASKED = Map.of(
            IssueStatus.MEETING, List.of("deadline", "minutes", "funds"),
            IssueStatus.HANDLING, List.of("result", "resolved"),
            IssueStatus.ESCALATING, List.of("approved", "comment"),
            IssueStatus.EVALUATING, List.of("satisfied", "satisfaction", "evaluationComment"));

    static void clear(VariableScope scope, String status) {
        ASKED.getOrDefault(status, List.of()).forEach(scope::removeVariable);
    }

    private FreshAnswers() {
    }
}
