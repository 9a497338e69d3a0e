package cn.lianban.issue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;
import cn.lianban.directory.Department;
import cn.lianban.directory.Deputy;
import cn.lianban.directory.Directory;
import cn.lianban.directory.IssueCategories;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.notify.MailKind;
import cn.lianban.notify.MeetingInvite;
import cn.lianban.notify.Notifier;

/**
 * Who is told what about a joint-handling case, from the {@link IssueMail} the step filled. Mails go to the outbox
 * in the step's own transaction.
 */
@Component
class IssueMails {

    static final String DEPUTY_PREFIX = "deputy:";
    private static final Duration MEETING_LENGTH = Duration.ofHours(InviteMeeting.MEETING_HOURS);

    private final Notifier notifier;
    private final Directory directory;

    IssueMails(Notifier notifier, Directory directory) {
        this.notifier = notifier;
        this.directory = directory;
    }

    void assigned(IssueMail mail) {
        List<String> groups = new ArrayList<>(List.of(mail.groups().handle()));
        mail.coDepts().forEach(d -> groups.add(UnitType.DEPT.group(d)));
        send(MailKind.ASSIGNED, mail, groups);
    }

    void reminder(IssueMail mail) {
        send(MailKind.REMINDER, mail, List.of(mail.groups().handle()));
    }

    void overdue(IssueMail mail) {
        IssueMail.Groups g = mail.groups();
        send(MailKind.OVERDUE, mail, List.of(g.handle(), g.community(), g.area()));
    }

    /**
     * 督办 when the limit passes: to the leads (分管负责人) of the unit that handles the case and to the unit of its
     * level (the community at levels 1–2, the area, the street, the city center); returns whom, in Chinese.
     */
    String supervision(IssueMail mail) {
        IssueMail.Groups g = mail.groups();
        Set<String> to = new LinkedHashSet<>(directory.leadEmailsOf(g.handle()));
        to.addAll(directory.emailsOf(g.meeting()));
        notifier.enqueue(MailKind.SUPERVISION, to, model(mail), mail.caseNo());
        String lead = directory.unitName(g.handle()) + "负责人";
        return g.meeting().equals(g.handle()) ? lead : lead + "、" + directory.unitName(g.meeting());
    }

    void escalated(IssueMail mail) {
        IssueMail.Groups g = mail.groups();
        String newUnit = mail.level() >= 3 ? g.meeting() : g.handle();
        List<String> groups = new ArrayList<>(List.of(newUnit, g.community(), g.area()));
        if (mail.level() >= LevelChange.STREET_INFORMED_FROM) {
            groups.add(g.street());
        }
        send(MailKind.ESCALATED, mail, groups);
    }

    /** 销号: to every community of the case, each of which evaluated a merged case (区域共性问题). */
    void closed(IssueMail mail) {
        Map<String, Object> model = model(mail);
        model.put("closedAt", EngineClock.now());
        notifier.enqueue(MailKind.CLOSED, emails(mail.groups().communities()), model, mail.caseNo());
    }

    /** 签收 overdue: the supervising unit and the handler hear of the 督办 ({@code note} says who and since when). */
    void acceptOverdue(IssueMail mail, String supervisorGroup, String note) {
        send(MailKind.ACCEPT_OVERDUE, mail, List.of(supervisorGroup, mail.groups().handle()), note);
    }

    /** 催办: the handler is urged to accept by the new limit. */
    void urged(IssueMail mail, String note) {
        send(MailKind.URGED, mail, List.of(mail.groups().handle()), note);
    }

    /** 改派: the new lead department is given the case (its co-departments heard of it already). */
    void reassigned(IssueMail mail, String note) {
        send(MailKind.ASSIGNED, mail, List.of(mail.groups().handle()), note);
    }

    /** The approver's answer to an extension, to the lead and the community. */
    void extensionDecided(IssueMail mail, boolean approved, String note) {
        send(approved ? MailKind.EXTENSION_APPROVED : MailKind.EXTENSION_DENIED, mail,
                List.of(mail.groups().handle(), mail.groups().community()), note);
    }

    /** The meeting is off: the convening unit and everyone invited hear it ({@code note} says which and why). */
    void meetingCancelled(IssueMail mail, String note) {
        Set<String> recipients = new LinkedHashSet<>(emails(List.of(mail.groups().meeting())));
        invitees(mail).forEach(invitee -> recipients.addAll(invitee.emails()));
        Map<String, Object> model = model(mail);
        model.put("note", note);
        notifier.enqueue(MailKind.MEETING_CANCELLED, recipients, model, mail.caseNo());
    }

    void centerOverdue(IssueMail mail) {
        send(MailKind.CENTER_OVERDUE, mail, List.of(Roles.CITY_CENTER));
    }

    /**
     * Invites the convening unit, the proposed lead department, the street, the community and the
     * deputies (两代表一委员) of the case's area to the joint meeting, with a calendar entry.
     */
    void meetingInvitation(IssueMail mail, ZonedDateTime start, String place) {
        IssueMail.Groups g = mail.groups();
        List<MeetingInvite.Person> attendees = new ArrayList<>();
        Set<String> recipients = new LinkedHashSet<>(emails(List.of(g.meeting())));
        for (Invitee invitee : invitees(mail)) {
            invitee.emails().forEach(address -> attendees.add(new MeetingInvite.Person(invitee.name(), address)));
            recipients.addAll(invitee.emails());
        }
        String organizerMail = directory.emailsOf(g.meeting()).stream().findFirst().orElse("lianban@lianban.local");
        MeetingInvite invite = new MeetingInvite(mail.caseNo() + "-L" + mail.level() + "@lianban",
                "联席会议：" + mail.title(), mail.description(), place, start, MEETING_LENGTH,
                new MeetingInvite.Person(directory.unitName(g.meeting()), organizerMail), attendees);
        notifier.enqueueMeetingInvitation(recipients, model(mail), invite, mail.caseNo());
    }

    /**
     * Who is invited to the joint meeting besides the convening unit: the street, the community, the proposed lead
     * department (units by their group) and the deputies of the case's area ({@code deputy:<login>}).
     */
    List<Invitee> invitees(IssueMail mail) {
        IssueMail.Groups g = mail.groups();
        List<String> groups = new ArrayList<>(List.of(g.street(), g.community()));
        if (mail.leadDept() != null) {
            groups.add(UnitType.DEPT.group(mail.leadDept()));
        }
        List<Invitee> invitees = new ArrayList<>();
        for (String group : groups) {
            invitees.add(new Invitee(group, directory.unitName(group), directory.emailsOf(group)));
        }
        String area = g.area() == null ? null : UnitType.AREA.codeIn(g.area());
        if (area != null) {
            for (Deputy deputy : directory.deputiesOf(area)) {
                invitees.add(new Invitee(DEPUTY_PREFIX + deputy.login(),
                        deputy.name() + "（" + Roles.chineseName(Roles.DEPUTY) + "）", Set.of(deputy.email())));
            }
        }
        return invitees;
    }

    /** One invitee of a joint meeting: its key (a unit's group, or deputy:login), its name and its mail addresses. */
    record Invitee(String key, String name, Set<String> emails) {
    }

    private void send(MailKind kind, IssueMail mail, Collection<String> groups) {
        notifier.enqueue(kind, emails(groups), model(mail), mail.caseNo());
    }

    /** With a sentence of the step's own ({@code note} in the template). */
    private void send(MailKind kind, IssueMail mail, Collection<String> groups, String note) {
        Map<String, Object> model = model(mail);
        model.put("note", note);
        notifier.enqueue(kind, emails(groups), model, mail.caseNo());
    }

    private Set<String> emails(Collection<String> groups) {
        return directory.emailsOf(groups);
    }

    /** The templates' names (mail/_case.html and the kind's own); what is unknown is left out. */
    private Map<String, Object> model(IssueMail mail) {
        Map<String, Object> model = new HashMap<>();
        put(model, "businessKey", mail.caseNo());
        put(model, "title", mail.title());
        put(model, "description", mail.description());
        put(model, "communityCode", mail.communityCode());
        put(model, "communityName", mail.communityName());
        put(model, "category", mail.category());
        put(model, "categoryName", IssueCategories.chineseName(mail.category()));
        put(model, "color", mail.color());
        put(model, "colorLabel", mail.colorLabel());
        put(model, "level", mail.level());
        put(model, "levelLabel", mail.levelLabel());
        put(model, "leadDept", mail.leadDept());
        // the department's own name, not the card's 待联席会商确定 or （建议）
        put(model, "leadDeptName", mail.leadDept() == null ? mail.leadDeptName()
                : directory.department(mail.leadDept()).map(Department::name).orElse(mail.leadDeptName()));
        put(model, "coDepts", mail.coDepts());
        model.put("coDeptNames", mail.coDepts().stream()
                .map(code -> directory.department(code).map(Department::name).orElse(code)).toList());
        put(model, "dueDate", mail.dueDate());
        put(model, "minutes", mail.minutes());
        put(model, "result", mail.result());
        put(model, "satisfied", mail.satisfied());
        put(model, "satisfaction", mail.satisfaction());
        put(model, "comment", mail.comment());
        put(model, "escalations", mail.escalations());
        return model;
    }

    private static void put(Map<String, Object> model, String key, Object value) {
        if (value != null) {
            model.put(key, value);
        }
    }
}
