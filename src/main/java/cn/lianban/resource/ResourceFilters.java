package cn.lianban.resource;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Roles;
import cn.lianban.startup.StartupStep;

/** The Tasklist filters of resource claims and community orders for departments, communities and the city center. */
@Order(50)
@Service
class ResourceFilters implements StartupStep {

    static final String CLAIM = "resource-claim";
    static final String ORDER = "community-order";
    /** Card columns: the number and title first, then names and words only (never a code). */
    static final Map<String, String> COLUMNS = TasklistFilters.columns("caseNo", "编号", "title", "事项",
            "statusLabel", "状态", "communityName", "社区", "deptName", "责任部门", "categoryName", "类别",
            "amount", "金额（元）", "places", "名额");

    private final TasklistFilters filters;

    public ResourceFilters(TasklistFilters filters) {
        this.filters = filters;
    }

    @Override
    public void run() {
        apply();
    }

    public void apply() {
        filters.define("本部门资源事项", 55, "社区承接本部门资源清单项目待审批、待交付，以及派给本部门的社区点单",
                filters.mine().processDefinitionKeyIn(CLAIM, ORDER)
                        .taskDefinitionKeyIn("approveClaim", "deliver", "acceptOrder", "completeOrder"),
                COLUMNS, Roles.DEPARTMENT);
        filters.define("本社区资源承接", 17, "本社区承接的资源和社区点单，待确认收到或办结",
                filters.mine().processDefinitionKeyIn(CLAIM, ORDER).taskDefinitionKeyIn("confirmDelivery", "confirmOrder"),
                COLUMNS, Roles.COMMUNITY_SECRETARY);
        filters.define("社区点单待改派", 65, "部门不接单、待市城市党建服务中心改派的社区点单",
                filters.mine().processDefinitionKey(ORDER).taskDefinitionKey("reassignOrder"), COLUMNS,
                Roles.CITY_CENTER);
    }
}
