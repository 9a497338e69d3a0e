package cn.lianban.issue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.OptionalInt;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.CaseLabels;
import cn.lianban.common.Deadline;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.TimeLimits;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Directory;

/**
 * The rules of acceptance (签收) and extension (延期) in joint handling (issue 13): how long the handler has to
 * accept, who supervises (督办) when it does not, what the supervisor may decide, and how far and how often the lead
 * may extend its deadline. The limits are data (table time_limit, {@link TimeLimits}).
 */
@Service
class IssueSupervision {

    /** The supervisor's two answers to a late acceptance. */
    static final String URGE = "URGE";
    static final String REASSIGN = "REASSIGN";

    private final TimeLimits limits;
    private final WorkingCalendar calendar;
    private final Directory directory;
    private final TaskService tasks;
    private final ManagementService management;
    private final AuthorizationService authorizations;

    IssueSupervision(TimeLimits limits, WorkingCalendar calendar, Directory directory, TaskService tasks,
                     ManagementService management, AuthorizationService authorizations) {
        this.authorizations = authorizations;
        this.limits = limits;
        this.calendar = calendar;
        this.directory = directory;
        this.tasks = tasks;
        this.management = management;
    }

    /** The handler has the colour's acceptance hours from now (clock hours, as 12345 counts them: 24 h, RED 2 h). */
    Instant acceptBy(String color) {
        return now().plus(Duration.ofHours(limits.acceptHoursForColor(color)));
    }

    /**
     * Who supervises a late acceptance: the level's unit, the area's joint committee at levels 1–3 (at levels 1–2 the
     * community itself handles, so the unit above it), the street at 4, the city center at 5.
     */
    String supervisorGroup(int level, String communityCode) {
        return Levels.meetingGroup(Math.max(level, 3), directory.placement(communityCode));
    }

    /** The Chinese name of the supervising unit, e.g. 东莱北片区联合党委. */
    String unitName(String group) {
        return directory.unitName(group);
    }

    /** What the card and the 时效灯 say while waiting: 待签收（2026-03-03 10:00 前）. */
    static String waitingLabel(Instant acceptBy) {
        return "待签收（" + LocalTimes.minutes(acceptBy) + " 前）";
    }

    /** 签收 and how it went, for the case page: 按时签收，用时 1 小时 20 分 / 超时签收（时限 …）. */
    static String acceptanceNote(String who, Instant from, Instant acceptBy, Instant at) {
        boolean onTime = !at.isAfter(acceptBy);
        String took = from == null ? "" : "，用时 " + duration(Duration.between(from, at));
        return who + (onTime ? " 按时签收" : " 超时签收（时限 " + LocalTimes.minutes(acceptBy) + "）") + took;
    }

    private static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long hours = minutes / 60;
        return hours == 0 ? minutes + " 分钟" : hours + " 小时" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " 分");
    }

    /** Checks the supervisor's answer; a new lead department is checked against the case's level and co-departments. */
    void checkSupervision(String supervision, String newLeadDept, String comment, int level, String leadDept,
                          List<String> coDepts) {
        if (!URGE.equals(supervision) && !REASSIGN.equals(supervision)) {
            throw new UserInputException("supervision", "请选择督办方式：催办或改派牵头部门");
        }
        if (comment == null) {
            throw new UserInputException("supervisionComment", "请填写督办意见");
        }
        if (REASSIGN.equals(supervision)) {
            if (level <= 2) {
                throw new UserInputException("supervision", "第一、二级事项由社区办理，不能改派牵头部门，请选择催办");
            }
            if (newLeadDept == null || directory.department(newLeadDept).isEmpty()) {
                throw new UserInputException("newLeadDept", "请选择改派后的牵头部门");
            }
            if (newLeadDept.equals(leadDept)) {
                throw new UserInputException("newLeadDept", "改派后的牵头部门不能是原牵头部门");
            }
            if (coDepts.contains(newLeadDept)) {
                throw new UserInputException("newLeadDept", "改派后的牵头部门不能是本案的协办部门");
            }
        }
    }

    /**
     * The open 牵头办理 task goes to the new lead's unit: its candidate group changes, nobody has claimed it. The engine
     * keeps the grant it gave the old group when it offered the task, so that grant goes too: the old department
     * may no longer claim it by its id.
     */
    void reassignHandleTask(String processInstanceId, String oldGroup, String newGroup) {
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("handle")
                .list()) {
            tasks.deleteCandidateGroup(task.getId(), oldGroup);
            tasks.addCandidateGroup(task.getId(), newGroup);
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                    .groupIdIn(oldGroup).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
    }

    /** What the handling form says about extending: until when the lead may ask, or why it may not. */
    String extensionNote(String color, long extensionsSoFar, Instant handlingStart) {
        if (extensionsSoFar > 0) {
            return "本事项已申请过一次延期，不能再次申请。";
        }
        OptionalInt days = limits.extendDaysForColor(color);
        if (days.isEmpty()) {
            return CaseLabels.colorName(color) + "事项不设延期；确实无法按期办结的，请如实报告未解决，由片区联合党委审批升级。";
        }
        return "如需延期，可申请一次，最晚至 " + LocalTimes.minutes(latestExtension(days.getAsInt(), handlingStart))
                + "，由片区联合党委审批。";
    }

    /**
     * Checks a request for an extension (延期): once per case, only for a colour that allows one (extend_days), with a
     * reason, and a date after the current deadline and within the colour's limit from the handling start.
     *
     * @return the new deadline, at the end of its working day
     */
    Instant checkExtension(String color, long extensionsSoFar, Object untilValue, String reason, Instant currentDue,
                           Instant handlingStart) {
        if (extensionsSoFar > 0) {
            throw new UserInputException("extensionAsked", "本事项已申请过一次延期，每案只能申请一次");
        }
        OptionalInt days = limits.extendDaysForColor(color);
        if (days.isEmpty()) {
            throw new UserInputException("extensionAsked", CaseLabels.colorName(color)
                    + "事项不能申请延期（只有黄色事项可延期一次）；确实无法按期办结的，请如实报告未解决，由片区联合党委审批升级。");
        }
        if (reason == null) {
            throw new UserInputException("extensionReason", "请填写延期理由");
        }
        LocalDate until = parseDate(untilValue);
        Instant due = until.atTime(WorkingCalendar.END_OF_WORKING_DAY).atZone(EngineClock.ZONE).toInstant();
        if (currentDue != null && !due.isAfter(currentDue)) {
            throw new UserInputException("extensionUntil",
                    "延期后的期限须晚于现办理期限 " + LocalTimes.minutes(currentDue));
        }
        Instant latest = latestExtension(days.getAsInt(), handlingStart);
        if (due.isAfter(latest)) {
            throw new UserInputException("extensionUntil", "延期后的期限不能晚于 " + LocalTimes.minutes(latest) + "（"
                    + CaseLabels.colorName(color) + "事项自开始办理起最多 " + days.getAsInt() + " 个工作日）");
        }
        return due;
    }

    void checkExtensionDecision(Boolean approved, String comment) {
        if (approved == null) {
            throw new UserInputException("extensionApproved", "请选择是否同意延期");
        }
        if (!approved && comment == null) {
            throw new UserInputException("extensionComment", "不同意延期时必须填写意见");
        }
    }

    /** The deadline an approved extension gives, with its reminder one working day before. */
    Deadline extendedDeadline(Instant due) {
        ZonedDateTime at = due.atZone(EngineClock.ZONE);
        return new Deadline(at, calendar.reminderAt(at));
    }

    /**
     * The handling timers move with an approved extension: the waiting overdue timer to the new deadline, the
     * reminder (if it has not gone yet) to one working day before it.
     */
    void moveHandlingTimers(String processInstanceId, Deadline deadline) {
        management.createJobQuery().processInstanceId(processInstanceId).activityId("overdue").list()
                .forEach(job -> management.setJobDuedate(job.getId(), deadline.dueDate()));
        management.createJobQuery().processInstanceId(processInstanceId).activityId("dueSoon").list()
                .forEach(job -> management.setJobDuedate(job.getId(), deadline.reminderDate()));
    }

    private Instant latestExtension(int days, Instant handlingStart) {
        ZonedDateTime from = (handlingStart == null ? now() : handlingStart).atZone(EngineClock.ZONE);
        return calendar.dueAt(from, days).toInstant();
    }

    private static LocalDate parseDate(Object value) {
        if (value instanceof Date d) {
            return d.toInstant().atZone(EngineClock.ZONE).toLocalDate();
        }
        try {
            String text = value == null ? "" : value.toString().trim();
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new UserInputException("extensionUntil", "请填写延期后的期限（日期，如 2026-12-31）");
        }
    }

    private static Instant now() {
        return EngineClock.now().toInstant();
    }
}
