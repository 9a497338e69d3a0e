package cn.lianban.security;

import static cn.lianban.directory.Roles.ADMIN;
import static cn.lianban.directory.Roles.CITY_CENTER;
import static cn.lianban.directory.Roles.COMMUNITY_SECRETARY;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import cn.lianban.common.Grants;
import cn.lianban.directory.Roles;
import cn.lianban.startup.StartupStep;

/**
 * The standing authorizations of each role. What a role may see of a single case is granted per
 * process instance by {@link CaseAccess}; this class only opens the applications, lets roles read
 * process definitions (Tasklist needs them for forms) and gives the city center its view of all (and, with the
 * street offices, the right to reassign tasks).
 */
@Order(10)
@Service
class GlobalAuthorizations implements StartupStep {

    public static final String JOINT_HANDLING = "joint-handling";
    public static final String TICKET = "ticket";
    public static final String RESOURCE_CLAIM = "resource-claim";
    public static final String COMMUNITY_ORDER = "community-order";
    public static final String VENUE_BOOKING = "venue-booking";

    private final Grants grants;

    public GlobalAuthorizations(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void run() {
        apply();
    }

    public void apply() {
        for (Resource resource : Resources.values()) {
            grants.grant(ADMIN, resource, "*", Permissions.ALL);
        }
        for (String role : Roles.ALL) {
            grants.grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // unit names are no secret: Tasklist shows a task's candidate groups by name (金沙东社区第1网格, not grid:…)
            grants.grant(role, Resources.GROUP, "*", Permissions.READ);
            grants.grant(role, Resources.PROCESS_DEFINITION, JOINT_HANDLING, ProcessDefinitionPermissions.READ);
            grants.grant(role, Resources.PROCESS_DEFINITION, TICKET, ProcessDefinitionPermissions.READ);
            grants.grant(role, Resources.PROCESS_DEFINITION, RESOURCE_CLAIM, ProcessDefinitionPermissions.READ);
            grants.grant(role, Resources.PROCESS_DEFINITION, COMMUNITY_ORDER, ProcessDefinitionPermissions.READ);
        }
        // communities and their grid workers (for their grid, issue 14) file joint-handling issues, a street office or
        // the city center may file for the communities of its scope (IssueService checks which); communities and grid
        // workers raise tickets (点单/吹哨)
        for (String filer : new String[]{COMMUNITY_SECRETARY, Roles.GRID_WORKER, Roles.STREET_OFFICE, CITY_CENTER}) {
            grants.grant(filer, Resources.PROCESS_DEFINITION, JOINT_HANDLING, ProcessDefinitionPermissions.CREATE_INSTANCE);
            grants.grant(filer, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
        }
        for (String raiser : new String[]{COMMUNITY_SECRETARY, Roles.GRID_WORKER}) {
            grants.grant(raiser, Resources.PROCESS_DEFINITION, TICKET, ProcessDefinitionPermissions.CREATE_INSTANCE);
            grants.grant(raiser, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.CREATE);
        }
        // communities claim items of the resource list (承接) and order what is not on it (社区点单)
        for (String process : new String[]{RESOURCE_CLAIM, COMMUNITY_ORDER}) {
            grants.grant(COMMUNITY_SECRETARY, Resources.PROCESS_DEFINITION, process,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }

        // area complexes and the city center approve bookings of their venues (Tasklist reads the definition)
        for (String manager : new String[]{Roles.AREA_COMMITTEE, CITY_CENTER}) {
            grants.grant(manager, Resources.PROCESS_DEFINITION, VENUE_BOOKING, ProcessDefinitionPermissions.READ);
        }

        // 市城市党建服务中心 watches everything; of the work itself it only reassigns tasks (as a street office may for
        // its street's cases): security.rest.TaskAssignmentRule says to whom, Camunda needs TASK_ASSIGN to do it.
        grants.grant(Roles.STREET_OFFICE, Resources.TASK, "*", TaskPermissions.TASK_ASSIGN);
        grants.grant(CITY_CENTER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grants.grant(CITY_CENTER, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grants.grant(CITY_CENTER, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        grants.grant(CITY_CENTER, Resources.TASK, "*", TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
        grants.grant(CITY_CENTER, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grants.grant(CITY_CENTER, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        grants.grant(CITY_CENTER, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
    }
}
