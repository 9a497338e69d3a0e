package cn.lianban.ticket;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.LocalTimes;
import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/**
 * The 配合 task of a helper department of a coordination item ({@code help}, one per department of
 * {@code helperDepts}, parallel to the lead's resolve). Created: the department may see the ticket and its form
 * names it. Completed (after {@link TicketChecks}): its part is in the trail (HELPED, counted for that
 * department) and on the lead's and the community's forms. Deleted unfinished, because the ticket ended first:
 * recorded (HELP_UNFINISHED), never dropped silently.
 */
@Component("helperTask")
class HelperTask implements TaskListener {

    private final TicketService tickets;
    private final CaseAccess access;
    private final TicketLog log;

    HelperTask(TicketService tickets, CaseAccess access, TicketLog log) {
        this.tickets = tickets;
        this.access = access;
        this.log = log;
    }

    @Override
    public void notify(DelegateTask task) {
        TicketVariables ticket = new TicketVariables(task);
        String dept = ticket.helperDept();
        String name = tickets.deptName(dept);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                access.open(task.getProcessInstanceId(), List.of(UnitType.DEPT.group(dept)));
                ticket.setHelperDeptName(name);
            }
            case EVENTNAME_COMPLETE -> {
                String result = ticket.helpResult().replaceAll("\\s+", " ").trim();
                ticket.addHelp("- " + name + " · " + LocalTimes.minutes(tickets.now()) + "：" + result);
                log.record(entry(task, "HELPED", name + "配合：" + result, dept));
            }
            case EVENTNAME_DELETE -> log.record(entry(task, "HELP_UNFINISHED",
                    name + "的配合未报告完成情况，随工单结束而关闭", dept));
            default -> throw new IllegalStateException("no handling for event " + task.getEventName());
        }
    }

    private CaseLog.Entry entry(DelegateTask task, String action, String detail, String dept) {
        return log.entry(task.getExecution(), action, detail).dept(dept);
    }
}
