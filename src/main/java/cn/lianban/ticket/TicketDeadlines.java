package cn.lianban.ticket;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

import cn.lianban.common.Deadline;
import cn.lianban.common.LocalTimes;

/** The resolution clock of a ticket as process variables; the labels are what the resolve form shows. */
final class TicketDeadlines {

    /** Accepted by the department, or imposed on it by the street: the resolution clock starts. */
    static void accepted(VariableScope scope, Date at) {
        scope.setVariable("acceptedAt", at);
        scope.setVariable("acceptedAtLabel", LocalTimes.minutes(at));
    }

    static void set(VariableScope scope, Deadline deadline) {
        scope.setVariable("resolveBy", deadline.dueDate());
        scope.setVariable("remindAt", deadline.reminderDate());
    }

    private TicketDeadlines() {
    }
}
