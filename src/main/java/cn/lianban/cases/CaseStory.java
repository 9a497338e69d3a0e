package cn.lianban.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.common.CaseLog;
import cn.lianban.common.EngineClock;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.common.Grants;

/**
 * The whole story of a case, oldest first: the audit trail (case_event) with what each step decided, completed
 * tasks that write no audit entry of their own, escalation requests and tasks that ended without being done (from
 * Camunda's history), and the mails and text messages the case sent (mail and SMS outbox). People by name; the system as 系统.
 */
@Service
class CaseStory {

    static final String SYSTEM = "system";
    private static final String SYSTEM_NAME = "系统";
    /** Task completions the task checks or the next delegate already record in case_event (process:taskKey). */
    private static final Set<String> SELF_RECORDED = Set.of("joint-handling:rate", "joint-handling:meet",
            "joint-handling:handle", "joint-handling:assist", "joint-handling:approveEscalation",
            "joint-handling:evaluate", "ticket:redispatch", "ticket:accept", "ticket:decide", "ticket:resolve",
            "ticket:rate", "joint-handling:reviewShelf", "joint-handling:supervise",
            "joint-handling:approveExtension", "joint-handling:scheduleMeeting", "ticket:streetDecide",
            "ticket:help");
    /** Tasks whose cutting short the process records itself (an open 协办 when the time limit ends handling). */
    private static final Set<String> SELF_RECORDED_CANCEL = Set.of("joint-handling:assist");
    private static final String COMPLETED = "completed";
    /** At the same instant a completed task comes first, the steps it caused next, their consequences last. */
    private static final int CAUSE = 0;
    private static final int STEP = 1;
    private static final int CONSEQUENCE = 2;

    private final CaseLog log;
    private final HistoryService history;
    private final IdentityService identity;
    private final Grants grants;
    private final Directory directory;
    private final MailRecipients recipients;
    private final JdbcClient jdbc;

    CaseStory(CaseLog log, HistoryService history, IdentityService identity, Grants grants, Directory directory,
              MailRecipients recipients, JdbcClient jdbc) {
        this.log = log;
        this.history = history;
        this.identity = identity;
        this.grants = grants;
        this.directory = directory;
        this.recipients = recipients;
        this.jdbc = jdbc;
    }

    /** One line of the story as the contract shows it. */
    record Event(OffsetDateTime at, String actor, String actorName, String action, String actionLabel, String note) {
    }

    List<Event> of(CaseFacts c) {
        NoteWords words = new NoteWords(directory.departments().stream()
                .collect(Collectors.toMap(Department::code, Department::name)));
        List<Line> lines = new ArrayList<>();
        List<CaseLog.CaseEvent> trail = log.events(c.businessKey());
        trail.forEach(e -> lines.add(new Line(e.at(), STEP, e.actor(), e.action(), null, words.of(e.detail()))));
        grants.asSystem(() -> {
            addTasks(c, trail, lines);
            return null;
        });
        addMails(c, lines);
        addTexts(c, lines);
        lines.sort(Comparator.comparing(Line::at).thenComparingInt(Line::rank));
        Map<String, String> names = names(lines.stream().map(Line::actor).collect(Collectors.toSet()));
        return lines.stream().map(l -> new Event(l.at().atZone(EngineClock.ZONE).toOffsetDateTime()
                        .truncatedTo(ChronoUnit.SECONDS), l.actor(), names.getOrDefault(l.actor(), l.actor()),
                l.action(), l.label() != null ? l.label() : ActionLabels.of(c.process(), l.action()), l.note()))
                .toList();
    }

    private void addTasks(CaseFacts c, List<CaseLog.CaseEvent> trail, List<Line> lines) {
        Map<String, String> completedBy = new HashMap<>();
        history.createUserOperationLogQuery().processInstanceId(c.processInstanceId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list()
                .forEach(e -> completedBy.put(e.getTaskId(), e.getUserId()));
        List<HistoricVariableUpdate> reasons = history.createHistoricDetailQuery()
                .processInstanceId(c.processInstanceId()).variableUpdates().orderByTime().asc().list().stream()
                .filter(d -> d instanceof HistoricVariableUpdate u && "escalationReasonLabel".equals(u.getVariableName()))
                .map(HistoricVariableUpdate.class::cast).toList();
        for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(c.processInstanceId())
                .orderByHistoricActivityInstanceStartTime().asc().list()) {
            if ("approveEscalation".equals(t.getTaskDefinitionKey())) {
                Instant asked = t.getStartTime().toInstant();
                lines.add(new Line(asked, CONSEQUENCE, SYSTEM, ActionLabels.ESCALATION_REQUESTED, null,
                        escalationReason(asked, reasons, trail)));
            }
            if (t.getEndTime() == null) {
                continue;
            }
            Instant ended = t.getEndTime().toInstant();
            if (!COMPLETED.equals(t.getDeleteReason())) {
                if (SELF_RECORDED_CANCEL.contains(c.process() + ":" + t.getTaskDefinitionKey())) {
                    continue;
                }
                lines.add(new Line(ended, CONSEQUENCE, SYSTEM, ActionLabels.TASK_CANCELLED, null,
                        t.getName() + offeredTo(t) + "未办理即随案件流转结束"));
            } else if (!SELF_RECORDED.contains(c.process() + ":" + t.getTaskDefinitionKey())) {
                String by = completedBy.getOrDefault(t.getId(), t.getAssignee());
                lines.add(new Line(ended, CAUSE, by == null ? SYSTEM : by, ActionLabels.TASK_COMPLETED, t.getName(),
                        ""));
            }
        }
    }

    /**
     * Why escalation was asked: the process's own words when it keeps them, otherwise what happened just before
     * (the time ran out, the handler could not solve it, residents were dissatisfied a third time).
     */
    private static String escalationReason(Instant asked, List<HistoricVariableUpdate> reasons,
                                           List<CaseLog.CaseEvent> trail) {
        String kept = null;
        for (HistoricVariableUpdate u : reasons) {
            if (!u.getTime().toInstant().isAfter(asked) && u.getValue() != null) {
                kept = u.getValue().toString();
            }
        }
        if (kept != null) {
            return kept;
        }
        String cause = "";
        for (CaseLog.CaseEvent e : trail) {
            if (e.at().isAfter(asked)) {
                break;
            }
            cause = switch (e.action()) {
                case "OVERDUE" -> "办理时限届满仍未办结";
                case "HANDLED" -> "本级办理后仍未能解决";
                case "REOPENED" -> "群众多次不满意";
                default -> cause;
            };
        }
        return cause;
    }

    /** "（城市管理局）": the units a task was offered to. */
    private String offeredTo(HistoricTaskInstance t) {
        Set<String> units = history.createHistoricIdentityLinkLogQuery().taskId(t.getId())
                .type(IdentityLinkType.CANDIDATE).list().stream().map(HistoricIdentityLinkLog::getGroupId)
                .filter(g -> g != null).map(directory::unitName).collect(Collectors.toCollection(LinkedHashSet::new));
        return units.isEmpty() ? "" : "（" + String.join("、", units) + "）";
    }

    private void addMails(CaseFacts c, List<Line> lines) {
        List<Mail> mails = jdbc.sql("SELECT created_at AS at, subject, recipients, status FROM mail_outbox "
                + "WHERE business_key = ? ORDER BY id").param(c.businessKey()).query(Mail.class).list();
        Map<String, String> units = recipients.units(mails.stream().flatMap(m -> m.to().stream())
                .collect(Collectors.toSet()));
        for (Mail m : mails) {
            String to = m.to().stream().map(a -> units.getOrDefault(a, a)).distinct().collect(Collectors.joining("、"));
            lines.add(new Line(m.at().atZone(EngineClock.ZONE).toInstant(), CONSEQUENCE, SYSTEM, ActionLabels.MAIL, null,
                    "「" + m.subject() + "」发送至 " + to + mailStatus(m.status())));
        }
    }

    /** The SMS to the resident who reported it (sms_outbox), without their number: the case page is not /admin/sms. */
    private void addTexts(CaseFacts c, List<Line> lines) {
        jdbc.sql("SELECT created_at AS at, body, status FROM sms_outbox WHERE business_key = ? ORDER BY id")
                .param(c.businessKey()).query(Text.class).list()
                .forEach(t -> lines.add(new Line(t.at().atZone(EngineClock.ZONE).toInstant(), CONSEQUENCE, SYSTEM,
                        ActionLabels.SMS, null, "「" + t.body() + "」发送至反映人手机" + mailStatus(t.status()))));
    }

    /** A text message as the outbox keeps it, at Beijing wall-clock time like the mails. */
    private record Text(LocalDateTime at, String body, String status) {
    }

    private static String mailStatus(String status) {
        return switch (status) {
            case "SENT" -> "（已发出）";
            case "FAILED" -> "（发送失败）";
            default -> "（待发送）";
        };
    }

    /** Login → the person's name; the system is 系统. */
    private Map<String, String> names(Set<String> actors) {
        Map<String, String> names = new HashMap<>();
        names.put(SYSTEM, SYSTEM_NAME);
        String[] logins = actors.stream().filter(a -> !SYSTEM.equals(a)).toArray(String[]::new);
        if (logins.length > 0) {
            grants.asSystem(() -> identity.createUserQuery().userIdIn(logins).list()).forEach(u -> names.put(u.getId(),
                    name(u)));
        }
        return names;
    }

    private static String name(User u) {
        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + (u.getLastName() == null ? ""
                : u.getLastName())).strip();
        return name.isEmpty() ? u.getId() : name;
    }

    /** A mail of the case as the outbox keeps it: {@code recipients} joined with commas. */
    /** {@code at}: the outbox writes Beijing wall-clock times (notify/MailOutbox), whatever the server's zone. */
    private record Mail(LocalDateTime at, String subject, String recipients, String status) {

        List<String> to() {
            return Arrays.stream(recipients.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
        }
    }

    private record Line(Instant at, int rank, String actor, String action, String label, String note) {
    }
}
