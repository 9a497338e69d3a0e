package cn.lianban.ticket;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Roles;
import cn.lianban.startup.StartupStep;

/**
 * The Tasklist filters of 双联双促 tickets for each role. Every user task of the process is in a filter of the
 * role its candidate group belongs to: {@code accept} and {@code resolve} go to {@code dept:}, {@code redispatch}
 * and {@code decide} to {@code street:}, {@code confirm} and {@code rate} to {@code community:}; since issue #13
 * {@code streetDecide} to {@code street:} and the helpers' {@code help} to {@code dept:}. A resolve task
 * claimed or assigned to whoever accepted is also in 本部门办理中, shared with issues ({@code IssueFilters}).
 */
@Order(30)
@Service
class TicketFilters implements StartupStep {

    static final String PROCESS = "ticket";
    private static final Map<String, String> COLUMNS = TicketVariables.CARD_COLUMNS;

    private final TasklistFilters filters;

    TicketFilters(TasklistFilters filters) {
        this.filters = filters;
    }

    @Override
    public void run() {
        apply();
    }

    void apply() {
        filters.define("本部门待接单", 45, "派给本部门、24小时内须接单或退单的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("accept"), COLUMNS, Roles.DEPARTMENT);
        // after the street's decision (and when such a ticket is reopened) nobody has accepted it: the
        // department claims the resolve task here
        filters.define("本部门待认领工单", 47, "街道裁定交办给本部门、尚无人认领办理的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("resolve").taskUnassigned(), COLUMNS,
                Roles.DEPARTMENT);
        filters.define("街道待派单", 70, "清单外、超时未接或被退回，待街道派单或裁定的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKeyIn("redispatch", "decide"), COLUMNS,
                Roles.STREET_OFFICE);
        // issue #13: the street desk's decision on a ticket not solved twice or long overdue, and the helper
        // departments' 配合 of a coordination item
        filters.define("街道研判工单", 72, "社区两次确认未解决或超期逾5个工作日，待街道改派、责令重办、裁定办结或提级联办的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("streetDecide"), COLUMNS,
                Roles.STREET_OFFICE);
        filters.define("本部门配合工单", 48, "权责清单协同事项中由本部门配合牵头部门办理的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("help"), COLUMNS, Roles.DEPARTMENT);
        filters.define("本社区待确认", 15, "部门已办结、待本社区确认和回访评价的工单",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKeyIn("confirm", "rate"), COLUMNS,
                Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER);
    }
}
