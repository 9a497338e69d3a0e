package cn.lianban.notify;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import cn.lianban.common.LocalTimes;

/**
 * One mail as the admin page shows it: its kind in Chinese, times as {@code 2026-12-10 18:00} in Beijing time,
 * and a Chinese reason for a failure beside the server's own words.
 */
record MailAdminRow(long id, String created, String kind, String businessKey, boolean casePage, String recipients,
                    String subject, int attempts, String nextAttempt, String reason, String error, String sent) {

    /** @param zone the zone the outbox wrote the mail's local times in */
    static MailAdminRow of(OutboxMail m, ZoneId zone) {
        return new MailAdminRow(m.id(), time(m.createdAt(), zone), kind(m.kind()), m.businessKey(),
                m.businessKey() != null && m.businessKey().matches("(JH|TK)-\\d{4}-\\d{6}"),
                // a space after each comma lets a long list wrap between addresses
                m.recipients().replace(",", ", "),
                m.subject(), m.attempts(), time(m.nextAttemptAt(), zone), reason(m.lastError()), m.lastError(),
                time(m.sentAt(), zone));
    }

    /** The outbox writes local times on its clock, in the server's zone; people read them in Beijing time. */
    static String time(LocalDateTime at, ZoneId zone) {
        return at == null ? "" : LocalTimes.minutes(at.atZone(zone).toInstant());
    }

    static String kind(String code) {
        for (MailKind k : MailKind.values()) {
            if (k.name().equals(code)) {
                return k.label();
            }
        }
        return "其他邮件";
    }

    /** Why a mail did not go, in a sentence, from the error the outbox stored. */
    static String reason(String error) {
        if (error == null || error.isBlank()) {
            return "";
        }
        if (error.equals(Notifier.NO_RECIPIENTS)) {
            return "没有收件人：收件单位没有登记邮箱";
        }
        String e = error.toLowerCase(Locale.ROOT);
        // "Couldn't connect …; timeout -1" is a refused connection, not a slow one: connect first
        if (e.contains("connect")) {
            return "无法连接邮件服务器";
        }
        if (e.contains("timed out") || e.contains("timeout")) {
            return "邮件服务器响应超时";
        }
        if (e.contains("authentication")) {
            return "邮件服务器拒绝登录";
        }
        if (e.contains("address")) {
            return "收件地址被邮件服务器拒收";
        }
        return "邮件服务器未接受这封邮件";
    }
}
