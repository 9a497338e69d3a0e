package cn.lianban.ticket;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Directory;
import cn.lianban.directory.UnitType;
import cn.lianban.notify.MailKind;
import cn.lianban.notify.Notifier;
import cn.lianban.pairing.Pairings;

/** Who hears what about a ticket; mails go to the outbox in the step's own transaction. */
@Component
public class TicketMails {

    private final Notifier notifier;
    private final Directory directory;
    private final Pairings pairings;

    public TicketMails(Notifier notifier, Directory directory, Pairings pairings) {
        this.notifier = notifier;
        this.directory = directory;
        this.pairings = pairings;
    }

    /** To the department, and to the agency paired with the community (结对单位). */
    public void dispatched(DelegateExecution e) {
        send(MailKind.TICKET_DISPATCHED, e, List.of(dept(e)));
        pairings.pairedAgency(TicketSteps.text(e, "communityCode")).ifPresent(agency -> notifier.enqueue(
                MailKind.TICKET_PAIRED, List.of(agency.email()), model(e), e.getProcessBusinessKey()));
    }

    public void acceptTimedOut(DelegateExecution e) {
        send(MailKind.TICKET_ACCEPT_TIMEOUT, e, List.of(TicketSteps.text(e, "streetGroup"), dept(e)));
    }

    public void reminder(DelegateExecution e) {
        send(MailKind.TICKET_REMINDER, e, List.of(dept(e)));
    }

    public void overdue(DelegateExecution e) {
        send(MailKind.TICKET_OVERDUE, e, List.of(dept(e), TicketSteps.text(e, "streetGroup")));
    }

    private void send(MailKind kind, DelegateExecution e, Collection<String> groups) {
        notifier.enqueue(kind, directory.emailsOf(groups), model(e), e.getProcessBusinessKey());
    }

    private static String dept(DelegateExecution e) {
        return UnitType.DEPT.group(TicketSteps.text(e, "deptCode"));
    }

    private Map<String, Object> model(DelegateExecution e) {
        Map<String, Object> model = new HashMap<>(e.getVariables());
        model.put("businessKey", e.getProcessBusinessKey());
        // an unlisted ticket's itemName says 清单外事项; its description says more
        String listedItem = TicketSteps.text(e, "itemCode") == null ? null : TicketSteps.text(e, "itemName");
        model.put("title", TicketSteps.title(listedItem, TicketSteps.text(e, "description")));
        String dept = TicketSteps.text(e, "deptCode");
        if (dept != null) {
            directory.department(dept).ifPresent(d -> model.put("leadDeptName", d.name()));
        }
        model.put("dueDate", e.getVariable("resolveBy"));
        return model;
    }
}
