package cn.lianban.issue;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Roles;
import cn.lianban.startup.StartupStep;

/** The Tasklist filters of 五级三色联席汇办 for each role. */
@Order(20)
@Service
class IssueFilters implements StartupStep {

    static final String PROCESS = "joint-handling";
    private static final Map<String, String> COLUMNS = IssueVariables.cardColumns();

    private final TasklistFilters filters;

    IssueFilters(TasklistFilters filters) {
        this.filters = filters;
    }

    @Override
    public void run() {
        apply();
    }

    void apply() {
        // at level 1 the grid's workers are candidates of 牵头办理 too (handleGridGroups)
        filters.define("本社区事项", 10, "本社区提报、办理和待评价的联席汇办事项",
                filters.mine().processDefinitionKey(PROCESS), COLUMNS, Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER);
        // issue 14: 牵头办理 at level 1 is offered to the case's grid (every grid of the community for a case naming none)
        filters.define("本网格待办", 5, "第一级（网格）由本网格牵头办理的联席汇办事项，社区书记也可接手；升至第二级后由社区办理",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("handle"), IssueVariables.gridColumns(),
                Roles.GRID_WORKER);
        filters.define("本片区待评级", 20, "本片区社区提报、待联合党委确认颜色的事项",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("rate"), COLUMNS, Roles.AREA_COMMITTEE);
        // the joint meeting is convened by the unit of the handling level: the area (3), the street (4), the city (5)
        filters.define("本级待会商", 25, "评级为黄色、红色或升级到第三至五级，待本级召集联席会议会商的事项",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("meet"), COLUMNS,
                Roles.AREA_COMMITTEE, Roles.STREET_OFFICE, Roles.CITY_CENTER);
        filters.define("本级待定会议时间", 24, "待本级选定联席会议地点和时段、发出会议邀请的事项",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("scheduleMeeting"), COLUMNS,
                Roles.AREA_COMMITTEE, Roles.STREET_OFFICE, Roles.CITY_CENTER);
        filters.define("待审批升级", 30, "超时、无法解决或多次不满意，待审批是否升级一级的事项",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("approveEscalation"),
                IssueVariables.approvalColumns(), Roles.AREA_COMMITTEE);
        // 挂账 (issue 13): the approver of escalations reviews the cases it put on the register
        filters.define("挂账待复核", 33, "已挂账、到复核日期，待复核继续挂账、恢复办理、升级或终止办理的事项",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("reviewShelf"),
                IssueVariables.shelfColumns(), Roles.AREA_COMMITTEE);
        // issue 13: a late acceptance (签收) is supervised by the level's unit (areas for levels 1–3, street, city)
        filters.define("待督办签收", 32, "牵头单位超时未签收，待本级督办（催办或改派）的事项",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("supervise"), COLUMNS,
                Roles.AREA_COMMITTEE, Roles.STREET_OFFICE, Roles.CITY_CENTER);
        filters.define("待审批延期", 34, "牵头单位申请延长办理期限，待审批的事项",
                filters.mine().processDefinitionKey(PROCESS).taskDefinitionKey("approveExtension"), COLUMNS,
                Roles.AREA_COMMITTEE);
        filters.define("本部门待认领", 40, "交办给本部门、尚无人认领的事项",
                filters.query().taskCandidateGroupInExpression(TasklistFilters.MY_GROUPS).taskUnassigned()
                        .processDefinitionKey(PROCESS).taskDefinitionKeyIn("handle", "assist"), COLUMNS,
                Roles.DEPARTMENT);
        // one list of a department's work in hand, issues and tickets alike
        filters.define("本部门办理中", 50, "本部门已认领、正在办理的联席汇办事项和工单",
                filters.mine().processDefinitionKeyIn(PROCESS, "ticket")
                        .taskDefinitionKeyIn("handle", "assist", "resolve").taskAssigned(),
                COLUMNS, Roles.DEPARTMENT);
        filters.define("全市逾期", 60, "全市已超过办理期限的事项",
                filters.query().processDefinitionKey(PROCESS).dueBeforeExpression("${now()}"), COLUMNS,
                Roles.CITY_CENTER);
    }
}
