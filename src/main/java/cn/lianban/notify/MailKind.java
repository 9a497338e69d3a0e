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
    CENTER_OVERDUE("市级超期提醒");

    private final String subjectPhrase;

    MailKind(String subjectPhrase) {
        this.subjectPhrase = subjectPhrase;
    }

    public String subjectPhrase() {
        return subjectPhrase;
    }

    /** Template name as resolved by Thymeleaf (prefix {@code templates/}, suffix {@code .html}). */
    public String template() {
        return "mail/" + name().toLowerCase(Locale.ROOT);
    }
}
