package cn.lianban.ticket;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.lianban.directory.Directory;
import cn.lianban.directory.UnitType;
import cn.lianban.notify.MailKind;
import cn.lianban.notify.Notifier;
import cn.lianban.pairing.Pairings;

/** Who hears what about a ticket; mails go to the outbox in the step's own transaction. */
@Component
class TicketMails {

    private final Notifier notifier;
    private final Directory directory;
    private final Pairings pairings;

    TicketMails(Notifier notifier, Directory directory, Pairings pairings) {
        this.notifier = notifier;
        this.directory = directory;
        this.pairings = pairings;
    }

    /** To the department, and to the agency paired with the community (结对单位). */
    void dispatched(TicketMail mail) {
        send(MailKind.TICKET_DISPATCHED, mail, List.of(dept(mail)));
        pairings.pairedAgency(mail.communityCode()).ifPresent(agency -> notifier.enqueue(
                MailKind.TICKET_PAIRED, List.of(agency.email()), model(mail), mail.caseNo()));
    }

    void acceptTimedOut(TicketMail mail) {
        send(MailKind.TICKET_ACCEPT_TIMEOUT, mail, List.of(mail.streetGroup(), dept(mail)));
    }

    void reminder(TicketMail mail) {
        send(MailKind.TICKET_REMINDER, mail, List.of(dept(mail)));
    }

    void overdue(TicketMail mail) {
        send(MailKind.TICKET_OVERDUE, mail, List.of(dept(mail), mail.streetGroup()));
    }

    /**
     * 督办 when the resolution limit passes: to the department's leads (分管负责人) and to the street desk, the
     * ticket's level; returns whom, in Chinese.
     */
    String supervision(TicketMail mail) {
        Set<String> to = new LinkedHashSet<>(directory.leadEmailsOf(dept(mail)));
        to.addAll(directory.emailsOf(mail.streetGroup()));
        notifier.enqueue(MailKind.SUPERVISION, to, model(mail), mail.caseNo());
        return directory.unitName(dept(mail)) + "负责人、" + directory.unitName(mail.streetGroup());
    }

    private void send(MailKind kind, TicketMail mail, Collection<String> groups) {
        notifier.enqueue(kind, directory.emailsOf(groups), model(mail), mail.caseNo());
    }

    private static String dept(TicketMail mail) {
        return UnitType.DEPT.group(mail.deptCode());
    }

    /** The names the mail templates read (mail/_case and ticket_*). */
    private static Map<String, Object> model(TicketMail mail) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", mail.title());
        model.put("description", mail.description());
        model.put("communityCode", mail.communityCode());
        model.put("communityName", mail.communityName());
        model.put("leadDeptName", mail.deptCode() == null ? null : mail.deptName());
        model.put("acceptBy", mail.acceptBy());
        model.put("dueDate", mail.resolveBy());
        return model;
    }
}
