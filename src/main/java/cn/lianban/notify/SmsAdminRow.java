package cn.lianban.notify;

import java.time.ZoneId;

/** One text message as /admin/sms shows it: the phone masked (138****1234), kind and reason in Chinese. */
record SmsAdminRow(long id, String created, String kind, String businessKey, boolean casePage, String phone,
                   String body, int attempts, String nextAttempt, String reason, String error, String sent) {

    static SmsAdminRow of(OutboxSms s, ZoneId zone) {
        return new SmsAdminRow(s.id(), MailAdminRow.time(s.createdAt(), zone), kind(s.kind()), s.businessKey(),
                s.businessKey() != null && s.businessKey().matches("(JH|TK)-\\d{4}-\\d{6}"), mask(s.phone()),
                s.body(), s.attempts(), MailAdminRow.time(s.nextAttemptAt(), zone), reason(s.lastError()),
                s.lastError(), MailAdminRow.time(s.sentAt(), zone));
    }

    /** Only the first three and last four digits: enough to answer a resident who calls, no more. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    static String kind(String code) {
        for (SmsKind k : SmsKind.values()) {
            if (k.name().equals(code)) {
                return k.label();
            }
        }
        return "其他短信";
    }

    static String reason(String error) {
        if (error == null || error.isBlank()) {
            return "";
        }
        if (error.equals(SmsOutbox.BAD_PHONE)) {
            return "手机号码无效，无法发送";
        }
        return "短信服务商未接受这条短信";
    }
}
