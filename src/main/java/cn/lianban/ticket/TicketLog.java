package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/** A ticket's entries in the audit trail, each carrying the department and place that the 三率 count by. */
@Component
class TicketLog {

    private final CaseLog log;

    TicketLog(CaseLog log) {
        this.log = log;
    }

    CaseLog.Entry entry(DelegateExecution execution, String action, String detail) {
        TicketVariables ticket = new TicketVariables(execution);
        return new CaseLog.Entry(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), action, detail)
                .dept(ticket.deptCode()).place(ticket.communityCode(), ticket.streetCode());
    }

    void record(CaseLog.Entry entry) {
        log.record(entry);
    }
}
