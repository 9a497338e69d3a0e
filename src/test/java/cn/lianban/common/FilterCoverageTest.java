package cn.lianban.common;

import static cn.lianban.directory.Roles.AREA_COMMITTEE;
import static cn.lianban.directory.Roles.CITY_CENTER;
import static cn.lianban.directory.Roles.COMMUNITY_SECRETARY;
import static cn.lianban.directory.Roles.DEPARTMENT;
import static cn.lianban.directory.Roles.DEPUTY;
import static cn.lianban.directory.Roles.GRID_WORKER;
import static cn.lianban.directory.Roles.STREET_OFFICE;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.LianbanTest;

/**
 * Every user task of every deployed process can be found in Tasklist: for each role its candidate groups can reach,
 * a filter that role may read lists the task, both while nobody has claimed it and once a user of that role has.
 * Reads the deployed BPMN models and the saved filters (their queries and READ grants), so a new task, a new
 * candidate-group expression or a narrowed filter cannot slip by; a failure names the task and the role.
 */
@LianbanTest
class FilterCoverageTest {

    /** The processes people work on in Tasklist. A newly deployed process fails until it is added here. */
    static final List<String> PROCESSES =
            List.of("joint-handling", "ticket", "resource-claim", "community-order", "venue-booking");

    /**
     * Which roles a candidate-group expression of the BPMN can reach: the roles of the persons in the groups it
     * may evaluate to (a unit group holds the persons of that unit, a role group everyone of the role; IdentitySync).
     * An expression missing here fails the test, so whoever adds one says whom it reaches.
     */
    static final Map<String, Set<String>> REACH = Map.ofEntries(
            // joint-handling (IssueVariables, Levels)
            entry("${areaGroup}", Set.of(AREA_COMMITTEE)),
            entry("${meetingGroup}", Set.of(AREA_COMMITTEE, STREET_OFFICE, CITY_CENTER)), // levels 3, 4, 5
            entry("${handleGroup}", Set.of(COMMUNITY_SECRETARY, DEPARTMENT)), // community at levels 1–2, lead dept above
            entry("${handleGridGroups}", Set.of(GRID_WORKER)), // level 1: the case's grid, or every grid of the community
            entry("dept:${coDept}", Set.of(DEPARTMENT)),
            entry("${evaluatorGroup}", Set.of(COMMUNITY_SECRETARY)), // each community of a merged case evaluates
            entry("${supervisorGroup}", Set.of(AREA_COMMITTEE, STREET_OFFICE, CITY_CENTER)), // levels 1–3, 4, 5
            // joint-handling, ticket, resource-claim, community-order
            entry("${communityGroup}", Set.of(COMMUNITY_SECRETARY)),
            entry("${streetGroup}", Set.of(STREET_OFFICE)),
            entry("dept:${deptCode}", Set.of(DEPARTMENT)),
            entry("dept:${helperDept}", Set.of(DEPARTMENT)), // ticket: a helper department's 配合 (issue #13)
            entry("city-center", Set.of(CITY_CENTER)),
            // venue-booking: Venue.managerGroup is city-center, area:<code> or community:<code>
            entry("${managerGroup}", Set.of(CITY_CENTER, AREA_COMMITTEE, COMMUNITY_SECRETARY)));

    private static final String PROBE = "filter-coverage-probe";
    /** Query expressions this test understands; any other (e.g. a due date) shows only part of the work. */
    private static final Set<String> UNDERSTOOD = Set.of("taskCandidateGroupIn", "taskAssignee");

    @Autowired
    RepositoryService repository;
    @Autowired
    FilterService filters;
    @Autowired
    AuthorizationService authorizations;

    static Stream<String> processes() {
        return PROCESSES.stream();
    }

    @Test
    void everyDeployedProcessIsChecked() {
        List<String> deployed = repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .map(ProcessDefinition::getKey).toList();
        assertThat(PROCESSES).as("processes checked for Tasklist filters").containsAll(deployed);
        assertThat(deployed).containsAll(PROCESSES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("processes")
    void everyUserTaskIsInAFilterOfEveryRoleItsCandidateGroupsReach(String process) {
        assertThat(uncovered(process, REACH)).as("task × role pairs of %s that no filter of the role shows", process)
                .isEmpty();
    }

    @Test
    void aRoleWithoutAFilterAndAnUnknownExpressionAreNamed() {
        Map<String, Set<String>> reach = new HashMap<>(REACH);
        reach.put("${meetingGroup}", Set.of(AREA_COMMITTEE, DEPUTY));
        reach.remove("${areaGroup}");
        assertThat(uncovered("joint-handling", reach))
                .contains("joint-handling meet（联席会商） × deputy：没有该角色可读的过滤器列出尚未认领的此任务",
                        "joint-handling meet（联席会商） × deputy：没有该角色可读的过滤器列出已认领的此任务")
                .anyMatch(f -> f.startsWith("joint-handling rate（评级确认）：候选组表达式 ${areaGroup} 不在 REACH 中"))
                .noneMatch(f -> f.contains("× area-committee"));
    }

    /** Each task × role pair of the process that no filter readable by the role shows, as a sentence. */
    private List<String> uncovered(String process, Map<String, Set<String>> reach) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(process)
                .latestVersion().singleResult();
        assertThat(definition).as("deployed process %s", process).isNotNull();
        List<Filter> saved = filters.createFilterQuery().list();
        List<String> failures = new ArrayList<>();
        for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
            String where = process + " " + task.getId() + "（" + task.getName() + "）";
            List<String> groups = task.getCamundaCandidateGroupsList();
            if (!task.getCamundaCandidateUsersList().isEmpty()) {
                failures.add(where + "：候选人 " + task.getCamundaCandidateUsers() + " 不在本测试的检查范围内");
            }
            if (groups.isEmpty()) {
                failures.add(where + "：没有候选组，任务列表中无人能找到");
            }
            // an assignee expression gives the task to someone at once: it is never waiting to be claimed
            boolean startsAssigned = task.getCamundaAssignee() != null;
            for (String expression : groups) {
                Set<String> roles = reach.get(expression.trim());
                if (roles == null) {
                    failures.add(where + "：候选组表达式 " + expression + " 不在 REACH 中，请写明它能到达哪些角色");
                    continue;
                }
                for (String role : roles.stream().sorted().toList()) {
                    if (!startsAssigned && !shownToRole(saved, process, task.getId(), role, false)) {
                        failures.add(where + " × " + role + "：没有该角色可读的过滤器列出尚未认领的此任务");
                    }
                    if (!shownToRole(saved, process, task.getId(), role, true)) {
                        failures.add(where + " × " + role + "：没有该角色可读的过滤器列出已认领的此任务");
                    }
                }
            }
        }
        return failures.stream().distinct().toList();
    }

    private boolean shownToRole(List<Filter> saved, String process, String taskKey, String role, boolean claimed) {
        return saved.stream().anyMatch(f -> authorizations.isUserAuthorized(PROBE, List.of(role), Permissions.READ,
                Resources.FILTER, f.getId()) && shows((TaskQueryImpl) f.getQuery(), process, taskKey, role, claimed));
    }

    /**
     * Whether the filter's query lists a task of this process and key to a user of the role, unclaimed or claimed by
     * that user. A query restricted in a way this method does not interpret counts as not showing it.
     */
    private boolean shows(TaskQueryImpl q, String process, String taskKey, String role, boolean claimed) {
        if (q.getQueries().size() > 1 || narrowed(q) || !UNDERSTOOD.containsAll(q.getExpressions().keySet())) {
            return false;
        }
        if (!oneOf(q.getProcessDefinitionKey(), q.getProcessDefinitionKeys(), process)
                || !oneOf(q.getKey(), q.getKeys(), taskKey) || q.getKeyLike() != null
                || (q.getKeyNotIn() != null && Arrays.asList(q.getKeyNotIn()).contains(taskKey))) {
            return false;
        }
        if (claimed ? q.isUnassigned() : Boolean.TRUE.equals(q.isAssigned())) {
            return false;
        }
        String candidates = q.getExpressions().get("taskCandidateGroupIn");
        List<String> fixedGroups = q.getCandidateGroup() != null ? List.of(q.getCandidateGroup())
                : q.getCandidateGroupsInternal();
        if (candidates != null || fixedGroups != null) {
            // a candidate query leaves out claimed tasks unless it includes them
            boolean groupsMatch = candidates != null ? TasklistFilters.MY_GROUPS.equals(candidates)
                    : fixedGroups.contains(role);
            return groupsMatch && (!claimed || q.isIncludeAssignedTasks());
        }
        if (q.getCandidateUser() != null || q.getAssignee() != null) {
            return false;
        }
        if (q.getExpressions().containsKey("taskAssignee")) {
            return claimed && "${currentUser()}".equals(q.getExpressions().get("taskAssignee"));
        }
        // no restriction on whose tasks: the role must be allowed to read all of them
        return authorizations.isUserAuthorized(PROBE, List.of(role), Permissions.READ, Resources.TASK);
    }

    private static boolean oneOf(String single, String[] several, String value) {
        return (single == null || single.equals(value)) && (several == null || Arrays.asList(several).contains(value));
    }

    /** Restrictions that show only part of the matching work (due dates, variables, names, a single case …). */
    private static boolean narrowed(TaskQueryImpl q) {
        return Stream.of(q.getDueDate(), q.getDueBefore(), q.getDueAfter(), q.getFollowUpDate(),
                        q.getFollowUpBefore(), q.getFollowUpAfter(), q.getCreateTime(), q.getCreateTimeBefore(),
                        q.getCreateTimeAfter(), q.getName(), q.getNameLike(), q.getNameNotEqual(), q.getNameNotLike(),
                        q.getDescription(), q.getDescriptionLike(), q.getPriority(), q.getMinPriority(),
                        q.getMaxPriority(), q.getOwner(), q.getInvolvedUser(), q.getAssigneeLike(), q.getAssigneeIn(),
                        q.getDelegationState(), q.getProcessInstanceId(), q.getProcessInstanceIdIn(),
                        q.getProcessInstanceBusinessKey(), q.getProcessInstanceBusinessKeys(),
                        q.getProcessInstanceBusinessKeyLike(), q.getProcessDefinitionId(), q.getProcessDefinitionName(),
                        q.getProcessDefinitionNameLike(), q.getExecutionId(), q.getActivityInstanceIdIn(), q.getTaskId(),
                        q.getTaskIdIn(), q.getParentTaskId(), q.getTenantIds(), q.getCaseDefinitionKey(),
                        q.getCaseInstanceId(), q.getCandidateGroupLike()).anyMatch(Objects::nonNull)
                || Stream.of(q.isWithCandidateGroupsInternal(), q.isWithoutCandidateGroupsInternal(),
                        q.isWithCandidateUsers(), q.isWithoutCandidateUsers(), q.isWithoutDueDate())
                .anyMatch(Boolean.TRUE::equals)
                || !q.getVariables().isEmpty();
    }
}
