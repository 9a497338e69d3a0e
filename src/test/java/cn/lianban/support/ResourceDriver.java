package cn.lianban.support;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.lianban.resource.ResourceItem;
import cn.lianban.resource.ResourceList;

/** Publishes resource list items and starts claims and community orders as demo users, for tests. */
@Component
public class ResourceDriver {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final RuntimeService runtime;
    private final ResourceList list;
    private final JdbcTemplate jdbc;
    private final AsUser users;

    public ResourceDriver(RuntimeService runtime, ResourceList list, JdbcTemplate jdbc, AsUser users) {
        this.runtime = runtime;
        this.list = list;
        this.jdbc = jdbc;
        this.users = users;
    }

    /** An item of 住建局 open all month; {@code capacity} or {@code budget} may be null. */
    public String publish(YearMonth month, String category, Integer capacity, Long budget) {
        return list.publish(new ResourceList.Draft(month.toString(), category, "测试项目" + NAMES.incrementAndGet(),
                "测试用", "housing", capacity == null ? "" : capacity.toString(), budget == null ? "" : budget.toString(),
                month.atDay(1).toString(), month.atEndOfMonth().toString()));
    }

    public ResourceItem item(String code) {
        return list.find(code).orElseThrow();
    }

    /** 承接 as {@code user} (a community secretary, whose community is taken from their groups). */
    public ProcessInstance claim(String user, Object... variables) {
        return users.as(user, () -> runtime.startProcessInstanceByKey("resource-claim", map(variables)));
    }

    /** 社区点单 as {@code user}. */
    public ProcessInstance order(String user, Object... variables) {
        return users.as(user, () -> runtime.startProcessInstanceByKey("community-order", map(variables)));
    }

    public Map<String, Object> claimRow(String businessKey) {
        return jdbc.queryForMap("SELECT * FROM resource_claim WHERE business_key = ?", businessKey);
    }

    public Map<String, Object> orderRow(String businessKey) {
        return jdbc.queryForMap("SELECT * FROM community_order WHERE business_key = ?", businessKey);
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            v.put((String) keyValues[i], keyValues[i + 1]);
        }
        return v;
    }
}
