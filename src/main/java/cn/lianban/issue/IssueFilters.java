package cn.lianban.issue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

import cn.lianban.directory.Roles;
import cn.lianban.security.Grants;

/**
 * The Tasklist filters of each role, created once by name and kept in line with this definition.
 * Queries use the current user's groups, so one filter serves every community, area and department.
 */
@Service
public class IssueFilters {

    static final String PROCESS = "joint-handling";
    private static final String MY_GROUPS = "${currentUserGroups()}";

    private final FilterService filters;
    private final TaskService tasks;
    private final Grants grants;

    public IssueFilters(FilterService filters, TaskService tasks, Grants grants) {
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
    }

    public void apply() {
        define("本社区事项", 10, "本社区提报、办理和待评价的联席汇办事项",
                mine().processDefinitionKey(PROCESS), Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER);
        define("本片区待评级", 20, "本片区社区提报、待联合党委确认颜色的事项",
                mine().processDefinitionKey(PROCESS).taskDefinitionKey("rate"), Roles.AREA_COMMITTEE);
        define("待审批升级", 30, "超时、无法解决或多次不满意，待审批是否升级一级的事项",
                mine().processDefinitionKey(PROCESS).taskDefinitionKey("approveEscalation"), Roles.AREA_COMMITTEE);
        define("本部门待认领", 40, "交办给本部门、尚无人认领的事项",
                tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).taskUnassigned()
                        .processDefinitionKey(PROCESS).taskDefinitionKeyIn("handle", "assist"), Roles.DEPARTMENT);
        define("本部门办理中", 50, "本部门已认领、正在办理的事项",
                mine().processDefinitionKey(PROCESS).taskDefinitionKeyIn("handle", "assist").taskAssigned(),
                Roles.DEPARTMENT);
        define("全市逾期", 60, "全市已超过办理期限的事项",
                tasks.createTaskQuery().processDefinitionKey(PROCESS).dueBeforeExpression("${now()}"),
                Roles.CITY_CENTER);
    }

    private TaskQuery mine() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
    }

    private void define(String name, int priority, String description, TaskQuery query, String... roles) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(properties(priority, description));
        filters.saveFilter(filter);
        for (String role : roles) {
            grants.grant(role, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        grants.grant(Roles.ADMIN, Resources.FILTER, filter.getId(), Permissions.ALL);
    }

    private static Map<String, Object> properties(int priority, String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("description", description);
        p.put("priority", priority);
        p.put("refresh", true);
        p.put("variables", List.of(variable("title", "标题"), variable("communityName", "社区"),
                variable("color", "评级"), variable("level", "层级"), variable("status", "状态"),
                variable("dueDate", "办理期限")));
        return p;
    }

    private static Map<String, String> variable(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
