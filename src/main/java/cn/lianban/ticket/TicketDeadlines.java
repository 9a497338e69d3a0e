package cn.lianban.ticket;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.Deadline;

/** The resolution clock of a ticket as process variables. */
final class TicketDeadlines {

    static void set(VariableScope scope, Deadline deadline) {
        scope.setVariable("resolveBy", deadline.dueDate());
        scope.setVariable("remindAt", deadline.reminderDate());
    }

    private TicketDeadlines() {
    }
}
