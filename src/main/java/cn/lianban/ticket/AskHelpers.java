package cn.lianban.ticket;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.lianban.common.Grants;

/**
 * Which helper departments get a 配合 task when the lead starts handling ({@code helpersFork}): after the
 * department accepts, and whenever the street imposes a department (two returns, or the street desk's
 * re-dispatch or order to redo). A helper whose task is still open (the long-overdue timer interrupts only the
 * lead's resolve; a second "not solved" leaves helpers running) keeps that task and gets no second one; the lead
 * department is not its own helper.
 */
@Component("askHelpers")
class AskHelpers implements ExecutionListener {

    private static final String HELP_TASK = "help";

    private final Grants grants;

    AskHelpers(Grants grants) {
        this.grants = grants;
    }

    @Override
    public void notify(DelegateExecution execution) {
        TicketVariables ticket = new TicketVariables(execution);
        Set<String> open = grants.asSystem(() -> openHelpers(execution));
        List<String> toAsk = ticket.helperDepts().stream()
                .filter(dept -> !open.contains(dept) && !dept.equals(ticket.deptCode())).toList();
        ticket.setHelpersToAsk(toAsk);
    }

    /** The helpers with an open 配合 task, read as the system: the street's user may not see a department's task. */
    private static Set<String> openHelpers(DelegateExecution execution) {
        ProcessEngineServices engine = execution.getProcessEngineServices();
        return engine.getTaskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(HELP_TASK).list().stream()
                .map(task -> new TicketVariables(engine.getRuntimeService().getVariablesLocal(task.getExecutionId()))
                        .helperDept())
                .collect(Collectors.toSet());
    }
}
