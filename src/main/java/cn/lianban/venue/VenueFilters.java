package cn.lianban.venue;

import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.common.TasklistFilters;
import cn.lianban.directory.Roles;
import cn.lianban.startup.StartupStep;

/**
 * The Tasklist filter of booking approvals for the units that manage venues (the city center, area committees,
 * communities); set up after startup's own.
 */
@Component
@Order(60)
class VenueFilters implements StartupStep {

    /** Card columns: the booking's number, then what a booking's title is, its venue and hours. */
    static final Map<String, String> COLUMNS = TasklistFilters.columns("caseNo", "预约号", "venueName", "阵地",
            "period", "时段", "bookerName", "预约人", "purpose", "用途");

    private final TasklistFilters filters;

    public VenueFilters(TasklistFilters filters) {
        this.filters = filters;
    }

    @Override
    public void run() {
        filters.define("阵地预约待审批", 80, "居民预约本单位管理的党群服务阵地，待审批；预约开始时仍未审批的自动作废",
                filters.mine().processDefinitionKey(VenueBookingProcess.KEY).taskDefinitionKey("approveBooking"),
                // managers are the city center, an area committee or a community (manager_group of the venue)
                COLUMNS, Roles.AREA_COMMITTEE, Roles.CITY_CENTER, Roles.COMMUNITY_SECRETARY);
    }
}
