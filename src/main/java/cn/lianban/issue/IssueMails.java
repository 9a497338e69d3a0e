package cn.lianban.issue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.EngineClock;
import cn.lianban.directory.Directory;
import cn.lianban.directory.IssueCategories;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.notify.MailKind;
import cn.lianban.notify.MeetingInvite;
import cn.lianban.notify.Notifier;

/** Who is told what about a joint-handling case. Mails go to the outbox in the step's own transaction. */
@Component
public class IssueMails {

    private static final Duration MEETING_LENGTH = Duration.ofHours(InviteMeeting.MEETING_HOURS);

    private final Notifier notifier;
    private final Directory directory;

    public IssueMails(Notifier notifier, Directory directory) {
        this.notifier = notifier;
        this.directory = directory;
    }

    public void assigned(DelegateExecution e) {
        List<String> groups = new ArrayList<>(List.of(text(e, "handleGroup")));
        coDepts(e).forEach(d -> groups.add(UnitType.DEPT.group(d)));
        send(MailKind.ASSIGNED, e, groups);
    }

    public void reminder(DelegateExecution e) {
        send(MailKind.REMINDER, e, List.of(text(e, "handleGroup")));
    }

    public void overdue(DelegateExecution e) {
        send(MailKind.OVERDUE, e, List.of(text(e, "handleGroup"), text(e, "communityGroup"), text(e, "areaGroup")));
    }

    public void escalated(DelegateExecution e) {
        String newUnit = IssueVariables.level(e) >= 3 ? text(e, "meetingGroup") : text(e, "handleGroup");
        send(MailKind.ESCALATED, e, List.of(newUnit, text(e, "communityGroup"), text(e, "areaGroup")));
    }

    public void closed(DelegateExecution e) {
        Map<String, Object> model = model(e);
        model.put("closedAt", EngineClock.now());
        notifier.enqueue(MailKind.CLOSED, emails(List.of(text(e, "communityGroup"))), model,
                e.getProcessBusinessKey());
    }

    public void centerOverdue(DelegateExecution e) {
        send(MailKind.CENTER_OVERDUE, e, List.of(Roles.CITY_CENTER));
    }

    /**
     * Invites the convening unit, the proposed lead department, the street, the community and the
     * deputies (两代表一委员) to the joint meeting, with a calendar entry.
     */
    public void meetingInvitation(DelegateExecution e, ZonedDateTime start, String place) {
        String organizerGroup = text(e, "meetingGroup");
        List<String> groups = new ArrayList<>(List.of(organizerGroup, text(e, "streetGroup"),
                text(e, "communityGroup")));
        String leadDept = text(e, "leadDept");
        if (leadDept != null) {
            groups.add(UnitType.DEPT.group(leadDept));
        }
        groups.add(Roles.DEPUTY);
        List<MeetingInvite.Person> attendees = new ArrayList<>();
        for (String group : groups.subList(1, groups.size())) {
            String name = groupName(group);
            directory.emailsOf(group).forEach(mail -> attendees.add(new MeetingInvite.Person(name, mail)));
        }
        String organizerName = groupName(organizerGroup);
        String organizerMail = directory.emailsOf(organizerGroup).stream().findFirst()
                .orElse("lianban@lianban.local");
        int level = IssueVariables.level(e);
        MeetingInvite invite = new MeetingInvite(e.getProcessBusinessKey() + "-L" + level + "@lianban",
                "联席会议：" + text(e, "title"), text(e, "description"),
                place, start, MEETING_LENGTH,
                new MeetingInvite.Person(organizerName, organizerMail), attendees);
        notifier.enqueueMeetingInvitation(emails(groups), model(e), invite, e.getProcessBusinessKey());
    }

    private void send(MailKind kind, DelegateExecution e, Collection<String> groups) {
        notifier.enqueue(kind, emails(groups), model(e), e.getProcessBusinessKey());
    }

    private Set<String> emails(Collection<String> groups) {
        return directory.emailsOf(groups);
    }

    private Map<String, Object> model(DelegateExecution e) {
        Map<String, Object> model = new HashMap<>(e.getVariables());
        model.put("businessKey", e.getProcessBusinessKey());
        model.put("categoryName", IssueCategories.chineseName(text(e, "category")));
        String leadDept = text(e, "leadDept");
        if (leadDept != null) {
            directory.department(leadDept).ifPresent(d -> model.put("leadDeptName", d.name()));
        }
        model.put("coDeptNames", coDepts(e).stream()
                .map(code -> directory.department(code).map(d -> d.name()).orElse(code)).toList());
        return model;
    }

    private static List<String> coDepts(DelegateExecution e) {
        return IssueVariables.departments(e);
    }

    private String groupName(String groupId) {
        return directory.unitName(groupId);
    }

    private static String text(DelegateExecution e, String name) {
        return IssueVariables.text(e, name);
    }
}
