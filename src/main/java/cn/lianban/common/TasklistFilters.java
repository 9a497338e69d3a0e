package cn.lianban.common;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

import cn.lianban.directory.Roles;

/**
 * Creates a Tasklist filter once by name and keeps it in line with its definition, readable by the
 * roles named. Queries use the current user's groups, so one filter serves every unit of a role.
 */
@Service
public class TasklistFilters {

    public static final String MY_GROUPS = "${currentUserGroups()}";

    private final FilterService filters;
    private final TaskService tasks;
    private final Grants grants;

    public TasklistFilters(FilterService filters, TaskService tasks, Grants grants) {
        this.filters = filters;
        this.tasks = tasks;
        this.grants = grants;
    }

    public TaskQuery query() {
        return tasks.createTaskQuery();
    }

    /** Tasks offered to one of the current user's groups, claimed or not. */
    public TaskQuery mine() {
        return query().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
    }

    /**
     * @param columns variable name → Chinese label, shown as columns in the task list
     */
    public void define(String name, int priority, String description, TaskQuery query, Map<String, String> columns,
                       String... roles) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("description", description);
        p.put("priority", priority);
        p.put("refresh", true);
        p.put("variables", columns.entrySet().stream()
                .map(c -> Map.of("name", c.getKey(), "label", c.getValue())).toList());
        filter.setProperties(p);
        filters.saveFilter(filter);
        for (String role : roles) {
            grants.grant(role, Resources.FILTER, filter.getId(), Permissions.READ);
        }
        grants.grant(Roles.ADMIN, Resources.FILTER, filter.getId(), Permissions.ALL);
    }

    /** Ordered columns from name/label pairs. */
    public static Map<String, String> columns(String... nameLabel) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < nameLabel.length; i += 2) {
            columns.put(nameLabel[i], nameLabel[i + 1]);
        }
        return columns;
    }
}
