package cn.lianban.notify;

import java.util.Locale;

/**
 * What a mail is about. Each kind has a Chinese Thymeleaf template under
 * {@code templates/mail/<kind-lowercase>.html} and a phrase for the subject line.
 */
public enum MailKind {
    /** To the lead department: a case has been assigned to you. */
    ASSIGNED("已交办"),
    /** To the handling unit: due in one working day. */
    REMINDER("即将到期"),
    /** To the handling unit: the time limit has passed. */
    OVERDUE("已超期"),
    /** To the unit of the new level and to the community: escalated one level up. */
    ESCALATED("已升级"),
    /** To the community: the case is closed, with the satisfaction rating. */
    CLOSED("已办结销号"),
    /** Joint meeting invitation; carries an iCalendar attachment. */
    MEETING_INVITATION("联席会议邀请"),
    /** To the city center: a level-5 case is overdue. */
    CENTER_OVERDUE("市级超期提醒"),
    /** 双联双促 ticket: to the department it was dispatched to. */
    TICKET_DISPATCHED("新工单待接单"),
    /** 双联双促 ticket: to the agency paired with the community (结对单位). */
    TICKET_PAIRED("结对社区新工单"),
    /** 双联双促 ticket: not accepted within the response limit; to the street desk. */
    TICKET_ACCEPT_TIMEOUT("超时未接单"),
    /** 双联双促 ticket: due in one working day; to the handling department. */
    TICKET_REMINDER("工单即将到期"),
    /** 双联双促 ticket: past its resolution limit; to the department and the street desk. */
    TICKET_OVERDUE("工单已超期"),
    /** 党群服务阵地: a booking waits for the venue managers' approval. */
    BOOKING_PENDING("场馆预约待审批"),
    /** 督办 (a case or ticket past its limit): to the department's lead and to the unit of the case's level. */
    SUPERVISION("督办通知"),
    /** Joint handling: the handler did not accept (签收) in time; to the supervising unit and the handler. */
    ACCEPT_OVERDUE("超时未签收督办"),
    /** Joint handling: the supervisor urges the handler to accept (催办). */
    URGED("督办催签"),
    /** Joint handling: the lead's extension (延期) is granted; to the lead and the community. */
    EXTENSION_APPROVED("延期申请已同意"),
    /** Joint handling: the lead's extension is refused. */
    EXTENSION_DENIED("延期申请未同意"),
    /** Joint handling: the meeting is off, the case left the meeting step (并案, 提级, 挂账); to the invitees. */
    MEETING_CANCELLED("联席会议取消"),
    /** 资源清单: the city center published a month's list; to every community (issue 15). */
    RESOURCE_LIST_PUBLISHED("资源清单已发布");

    private final String subjectPhrase;

    MailKind(String subjectPhrase) {
        this.subjectPhrase = subjectPhrase;
    }

    public String subjectPhrase() {
        return subjectPhrase;
    }

    /** What the mail is, as the admin page lists it. */
    public String label() {
        return switch (this) {
            case ASSIGNED -> "交办通知";
            case REMINDER -> "到期提醒";
            case OVERDUE -> "超期通知";
            case ESCALATED -> "升级通知";
            case CLOSED -> "销号通知";
            case MEETING_INVITATION -> "联席会议邀请";
            case CENTER_OVERDUE -> "市级超期提醒";
            case TICKET_DISPATCHED -> "工单派单通知";
            case TICKET_PAIRED -> "结对社区工单通知";
            case TICKET_ACCEPT_TIMEOUT -> "超时未接单提醒";
            case TICKET_REMINDER -> "工单到期提醒";
            case TICKET_OVERDUE -> "工单超期通知";
            case BOOKING_PENDING -> "阵地预约待审批";
            case SUPERVISION -> "督办通知";
            case ACCEPT_OVERDUE -> "超时未签收督办";
            case URGED -> "督办催签";
            case EXTENSION_APPROVED -> "延期同意通知";
            case EXTENSION_DENIED -> "延期不同意通知";
            case MEETING_CANCELLED -> "联席会议取消通知";
            case RESOURCE_LIST_PUBLISHED -> "资源清单发布通知";
            // a kind added later without a label here shows its subject phrase, still Chinese
            default -> subjectPhrase;
        };
    }

    /** Template name as resolved by Thymeleaf (prefix {@code templates/}, suffix {@code .html}). */
    public String template() {
        return "mail/" + name().toLowerCase(Locale.ROOT);
    }
}
