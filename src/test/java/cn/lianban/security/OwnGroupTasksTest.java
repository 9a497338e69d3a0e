package cn.lianban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/** Which task queries skip Camunda's check: only those that cannot reach beyond the user's own groups. */
class OwnGroupTasksTest {

    private static final List<String> MINE = List.of("department", "dept:urban");

    @Test
    void ownCandidateGroupsClaimedOrNotNeedNoCheck() {
        assertThat(skips(q -> q.taskCandidateGroupIn(List.of("dept:urban")))).isTrue();
        assertThat(skips(q -> q.taskCandidateGroup("dept:urban"))).isTrue();
        assertThat(skips(q -> q.taskCandidateGroupIn(List.of("dept:urban", "department")).includeAssignedTasks()
                .taskDefinitionKey("accept"))).isTrue();
    }

    @Test
    void anythingThatCouldReachFurtherKeepsTheCheck() {
        assertThat(skips(q -> q)).as("no candidate group at all").isFalse();
        assertThat(skips(q -> q.taskDefinitionKey("accept"))).as("no candidate group at all").isFalse();
        assertThat(skips(q -> q.taskCandidateGroupIn(List.of("dept:urban", "dept:housing"))))
                .as("one group not the user's").isFalse();
        assertThat(OwnGroupTasks.only(query(q -> q.taskCandidateGroup("dept:urban")), null)).as("no groups").isFalse();
        assertThat(skips(q -> q.taskCandidateUser("someone")))
                .as("a candidate user").isFalse();
        assertThat(skips(q -> q.taskCandidateGroup("dept:urban").or().taskAssignee("someone").endOr()))
                .as("OR branches").isFalse();
        assertThat(skips(q -> q.taskCandidateGroup("dept:urban").taskInvolvedUser("someone")))
                .as("an involved user").isFalse();
        assertThat(skips(q -> q.taskCandidateGroup("dept:urban").taskCandidateGroupLike("dept:%")))
                .as("a group pattern").isFalse();
        assertThat(skips(q -> q.taskCandidateGroup("dept:urban").withoutCandidateUsers()))
                .as("with or without candidates").isFalse();
    }

    private static boolean skips(UnaryOperator<TaskQuery> criteria) {
        return OwnGroupTasks.only(query(criteria), MINE);
    }

    private static TaskQueryImpl query(UnaryOperator<TaskQuery> criteria) {
        return (TaskQueryImpl) criteria.apply(new TaskQueryImpl());
    }
}
