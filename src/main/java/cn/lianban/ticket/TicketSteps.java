package cn.lianban.ticket;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;

/** What the ticket delegates share: reading variables, naming the department and writing the measured audit entries. */
@Component
class TicketSteps {

    /** Why the ticket is at the street desk now, in a sentence for the redispatch and decide forms. */
    static final String STREET_REASON = "streetReason";
    /** One markdown line per return so far: who returned it and why. */
    static final String RETURN_HISTORY = "returnHistory";

    private final CaseLog log;
    private final Directory directory;

    TicketSteps(CaseLog log, Directory directory) {
        this.log = log;
        this.directory = directory;
    }

    /** The department that has the ticket now, by code for the process and by name for people ({@code deptName}). */
    void department(VariableScope scope, String deptCode) {
        scope.setVariable("deptCode", deptCode);
        if (deptCode != null) {
            scope.setVariable("deptName", deptName(deptCode));
        }
    }

    String deptName(String deptCode) {
        return directory.department(deptCode).map(Department::name).orElse(deptCode);
    }

    /** An audit entry carrying the ticket's department and place, as the 三率 need them. */
    CaseLog.Entry entry(DelegateExecution e, String action, String detail) {
        return new CaseLog.Entry(e.getProcessBusinessKey(), e.getProcessInstanceId(), action, detail)
                .dept(text(e, "deptCode")).place(text(e, "communityCode"), text(e, "streetCode"));
    }

    void record(CaseLog.Entry entry) {
        log.record(entry);
    }

    /** A ticket's title for cards and mails: the list item, or the start of the description when off the list. */
    static String title(String listedItemName, String description) {
        if (listedItemName != null) {
            return listedItemName;
        }
        return description == null || description.length() <= 30 ? description : description.substring(0, 30) + "…";
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
