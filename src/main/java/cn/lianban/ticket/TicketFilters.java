package cn.lianban.ticket;

import java.util.Map;

import org.springframework.stereotype.Service;

import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Roles;

/** The Tasklist filters of 双联双促 tickets for each role; 本部门办理中 is shared with issues ({@code IssueFilters}). */
@Service
public class TicketFilters {

    static final String PROCESS = "ticket";
    private static final Map<String, String> COLUMNS = TasklistFilters.columns("itemName", "事项",
            "description", "问题描述", "communityName", "社区", "deptCode", "承办部门", "status", "状态",
            "resolveBy", "办理期限");

    private final TasklistFilters filters;

    public TicketFilters(TasklistFilters filters) {
        this.filters = filters;
    }

    public void apply() {
        filters.define("本部门待接单", 45, "派给本部门、24小时内须接单或退单的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("accept"), COLUMNS, Roles.DEPARTMENT);
        filters.define("街道待派单", 70, "清单外、超时未接或被退回，待街道派单或裁定的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKeyIn("redispatch", "decide"), COLUMNS,
                Roles.STREET_OFFICE);
        filters.define("本社区待确认", 15, "部门已办结、待本社区确认和回访评价的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKeyIn("confirm", "rate"), COLUMNS,
                Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER);
    }
}
