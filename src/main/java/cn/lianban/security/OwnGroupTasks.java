package cn.lianban.security;

import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * Whether a task query can only return tasks offered to the user's own groups: it names candidate groups, all of them
 * the user's, and nothing that widens the match (a candidate user, a group pattern, an involved user, OR branches,
 * "with or without candidates"). Such a query needs no authorization check, because Camunda grants a candidate
 * group READ on the task whenever it offers the task to it (and takes the grant back with the offer). A claimed task
 * stays offered to its group, so "claimed or not" keeps the answer. The project writes no REVOKE authorizations; one
 * on such a task would not hide it from these queries.
 */
final class OwnGroupTasks {

    private OwnGroupTasks() {
    }

    static boolean only(TaskQueryImpl query, List<String> userGroups) {
        // the candidate user first: with one, Camunda's getCandidateGroups() would look up that user's groups
        if (userGroups == null || query.getCandidateUser() != null || query.getQueries().size() != 1
                || query.getCandidateGroupLike() != null || query.getInvolvedUser() != null
                || Boolean.TRUE.equals(query.isWithCandidateGroups())
                || Boolean.TRUE.equals(query.isWithoutCandidateGroups())
                || Boolean.TRUE.equals(query.isWithCandidateUsers())
                || Boolean.TRUE.equals(query.isWithoutCandidateUsers())) {
            return false;
        }
        List<String> candidateGroups = query.getCandidateGroups();
        return candidateGroups != null && !candidateGroups.isEmpty() && userGroups.containsAll(candidateGroups);
    }
}
