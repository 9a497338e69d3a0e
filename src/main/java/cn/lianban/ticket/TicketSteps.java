package cn.lianban.ticket;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;

/** What the ticket delegates share: reading variables and writing the measured audit entries. */
@Component
class TicketSteps {

    private final CaseLog log;

    TicketSteps(CaseLog log) {
        this.log = log;
    }

    /** An audit entry carrying the ticket's department and place, as the 三率 need them. */
    CaseLog.Entry entry(DelegateExecution e, String action, String detail) {
        return new CaseLog.Entry(e.getProcessBusinessKey(), e.getProcessInstanceId(), action, detail)
                .dept(text(e, "deptCode")).place(text(e, "communityCode"), text(e, "streetCode"));
    }

    void record(CaseLog.Entry entry) {
        log.record(entry);
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static long count(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Instant instant(VariableScope scope, String name) {
        return ((Date) scope.getVariable(name)).toInstant();
    }

    static Date now() {
        return Date.from(EngineClock.now().toInstant());
    }
}
