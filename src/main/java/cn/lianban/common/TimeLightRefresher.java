package cn.lianban.common;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;


/**
 * Moves the 时效灯 on as time passes: a case's light is set when its clock starts ({@link CaseClock}), but it turns
 * yellow and red while nobody touches the case. For every running process instance, of any process, whose clock
 * runs (a light is set), the light is recomputed and written only when it changed. Runs as the system, without a
 * user's authorizations; {@link TimeLightSchedule} calls it every few minutes.
 */
@Service
class TimeLightRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(TimeLightRefresher.class);
    private static final int PAGE = 500;

    private final RuntimeService runtime;
    private final Grants grants;
    private final WorkingCalendar calendar;

    public TimeLightRefresher(RuntimeService runtime, Grants grants, WorkingCalendar calendar) {
        this.runtime = runtime;
        this.grants = grants;
        this.calendar = calendar;
    }

    /** @return how many cases changed their light */
    public int refresh() {
        return grants.asSystem(this::refreshAll);
    }

    private int refreshAll() {
        Map<String, Map<String, Object>> clocks = new HashMap<>();
        for (int first = 0; ; first += PAGE) {
            List<VariableInstance> page = runtime.createVariableInstanceQuery()
                    .variableNameIn(CaseClock.START, CaseClock.DUE, CaseClock.LIGHT).disableBinaryFetching()
                    .orderByActivityInstanceId().asc().listPage(first, PAGE);
            // process-level variables only: that is where CaseClock keeps a case's clock
            page.stream().filter(v -> Objects.equals(v.getExecutionId(), v.getProcessInstanceId()))
                    .forEach(v -> clocks.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>())
                            .put(v.getName(), v.getValue()));
            if (page.size() < PAGE) {
                break;
            }
        }
        int changed = 0;
        for (Map.Entry<String, Map<String, Object>> clock : clocks.entrySet()) {
            if (refresh(clock.getKey(), clock.getValue())) {
                changed++;
            }
        }
        return changed;
    }

    private boolean refresh(String processInstanceId, Map<String, Object> clock) {
        Object shown = clock.get(CaseClock.LIGHT);
        TimeLight now = CaseClock.current((Date) clock.get(CaseClock.START), (Date) clock.get(CaseClock.DUE),
                calendar::isWorkingDay);
        if (shown == null || now == null || now.name().equals(shown)) {
            return false; // no clock runs, or the light is right
        }
        Map<String, Object> light = new HashMap<>();
        light.put(CaseClock.LIGHT, now.name());
        light.put(CaseClock.LIGHT_LABEL, now.label());
        try {
            runtime.setVariables(processInstanceId, light);
            return true;
        } catch (OptimisticLockingException e) {
            return false; // the case moved on meanwhile; the next round looks again
        } catch (ProcessEngineException e) {
            LOG.warn("时效灯 of process instance {} not refreshed: {}", processInstanceId, e.getMessage());
            return false;
        }
    }
}
