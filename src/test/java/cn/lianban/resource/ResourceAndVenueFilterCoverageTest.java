package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Roles;
import cn.lianban.support.AsUser;
import cn.lianban.support.LianbanTest;

/**
 * Every user task of {@code resource-claim}, {@code community-order} and {@code venue-booking}, read from the
 * deployed BPMN, is in a Tasklist filter that each role its candidate groups reach may read: the filter names
 * the process and the task and offers the task to the current user's groups. The roles are those of the demo
 * users in the groups a candidate-group expression can stand for.
 */
@LianbanTest
class ResourceAndVenueFilterCoverageTest {

    static final List<String> PROCESSES = List.of("resource-claim", "community-order", "venue-booking");
    private static final Pattern UNIT_OF_VARIABLE = Pattern.compile("([a-z]+):\\$\\{\\w+}");

    @Autowired
    RepositoryService repository;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    AsUser users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyUserTaskHasAFilterForEveryRoleItsCandidateGroupsReach() {
        List<String> missing = new ArrayList<>();
        int pairs = 0;
        for (String process : PROCESSES) {
            String definition = repository.createProcessDefinitionQuery().processDefinitionKey(process).latestVersion()
                    .singleResult().getId();
            for (UserTask task : repository.getBpmnModelInstance(definition).getModelElementsByType(UserTask.class)) {
                Map<String, String> userOfRole = usersByRole(groupsOf(task.getCamundaCandidateGroups()));
                assertThat(userOfRole).as("roles that reach %s/%s", process, task.getId()).isNotEmpty();
                for (Map.Entry<String, String> role : userOfRole.entrySet()) {
                    pairs++;
                    List<Filter> readable = users.as(role.getValue(), () -> filters.createFilterQuery().list());
                    if (readable.stream().noneMatch(f -> shows(f, process, task.getId()))) {
                        missing.add(process + "/" + task.getId() + " for " + role.getKey());
                    }
                }
            }
        }
        assertThat(missing).as("task/role pairs without a filter").isEmpty();
        // departments, community secretaries, the city center and area committees
        assertThat(pairs).isGreaterThanOrEqualTo(10);
    }

    /**
     * The groups a candidate-group expression can stand for: a literal group, every unit group of a kind
     * ({@code dept:${deptCode}}), or what the processes put into {@code communityGroup} and {@code managerGroup}.
     */
    private Set<String> groupsOf(String candidateGroups) {
        Set<String> groups = new LinkedHashSet<>();
        List<String> all = identity.createGroupQuery().list().stream().map(Group::getId).toList();
        for (String expression : candidateGroups.split(",")) {
            String e = expression.strip();
            Matcher unit = UNIT_OF_VARIABLE.matcher(e);
            if (unit.matches()) {
                all.stream().filter(g -> g.startsWith(unit.group(1) + ":")).forEach(groups::add);
            } else if (e.equals("${communityGroup}")) {
                all.stream().filter(g -> g.startsWith("community:")).forEach(groups::add);
            } else if (e.equals("${managerGroup}")) {
                groups.addAll(jdbc.queryForList("SELECT DISTINCT manager_group FROM venue", String.class));
            } else {
                assertThat(e).as("a candidate group this test knows how to read").doesNotContain("${");
                groups.add(e);
            }
        }
        return groups;
    }

    /** Role → one user of that role who is in one of the groups. */
    private Map<String, String> usersByRole(Set<String> groups) {
        Map<String, String> userOfRole = new TreeMap<>();
        for (String group : groups) {
            for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
                identity.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId)
                        .filter(Roles.ALL::contains).forEach(role -> userOfRole.putIfAbsent(role, user.getId()));
            }
        }
        return userOfRole;
    }

    /** The filter names the process and the task and offers it to the groups of whoever opens it. */
    private static boolean shows(Filter filter, String process, String taskKey) {
        TaskQueryImpl query = filter.getQuery();
        return names(query.getProcessDefinitionKey(), query.getProcessDefinitionKeys(), process)
                && names(query.getKey(), query.getKeys(), taskKey)
                && TasklistFilters.MY_GROUPS.equals(query.getExpressions().get("taskCandidateGroupIn"));
    }

    private static boolean names(String one, String[] many, String wanted) {
        return wanted.equals(one) || many != null && Arrays.asList(many).contains(wanted);
    }
}
