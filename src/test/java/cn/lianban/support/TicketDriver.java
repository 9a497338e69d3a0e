package cn.lianban.support;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/** Raises 双联双促 tickets for tests; completing tasks and timers goes through {@link IssueDriver}. */
@Component
public class TicketDriver {

    private final RuntimeService runtime;

    public TicketDriver(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** A ticket of community A's first grid for item R-001 占道经营 (城管局, 3 working days). */
    public static Map<String, Object> ticket(Object... changes) {
        Map<String, Object> v = new HashMap<>();
        v.put("itemCode", "R-001");
        v.put("description", "菜市场门口有流动摊贩占道经营，影响通行");
        v.put("communityCode", "C-DL-01");
        v.put("gridCode", "G-DL-01-01");
        v.put("location", "华山路菜市场东门");
        for (int i = 0; i < changes.length; i += 2) {
            v.put((String) changes[i], changes[i + 1]);
        }
        return v;
    }

    public ProcessInstance raise(Object... changes) {
        return runtime.startProcessInstanceByKey("ticket", ticket(changes));
    }
}
