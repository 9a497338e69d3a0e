package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;

/**
 * 大事不出镇: the street raises the ticket into a joint-handling case, started with the ticket's facts in the same
 * transaction (through the RuntimeService, see {@link JointFiling}). The ticket ends JOINT (已转联办) and names
 * the case; the case's trail names the ticket, and both case pages link to each other (ticket_case.joint_case_key).
 */
@Component("raiseJointCase")
class RaiseJointCase implements JavaDelegate {

    private final TicketLog log;
    private final TicketStatusListener status;

    RaiseJointCase(TicketLog log, TicketStatusListener status) {
        this.log = log;
        this.status = status;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        String ticketKey = execution.getProcessBusinessKey();
        String history = "由双联双促工单 " + ticketKey + " 提级（" + ticket.itemName() + "，原承办部门 " + ticket.deptName()
                + "）。街道研判意见：" + ticket.decisionNote();
        ProcessInstance joint = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey(JointFiling.PROCESS, JointFiling.of(ticket, history).variables());
        String jointKey = joint.getBusinessKey();
        ticket.setJointCaseKey(jointKey);
        status.enter(execution, TicketStatus.JOINT);
        log.record(log.entry(execution, "RAISED_TO_CASE", "街道提级为联席汇办事项 " + jointKey + "："
                + ticket.decisionNote()));
        log.record(new CaseLog.Entry(jointKey, joint.getId(), "FROM_TICKET", history)
                .place(ticket.communityCode(), ticket.streetCode()));
    }
}
