package cn.lianban.notify;

import cn.lianban.common.UserInputException;

/**
 * The optional mobile of the resident who reported a ticket or a case (start variable {@code reporterPhone}),
 * checked as the SMS outbox will send to it, so what a filing accepts is what reaches the resident.
 */
public final class ReporterPhone {

    static final String FIELD = "reporterPhone";

    private ReporterPhone() {
    }

    /** The mobile as 11 digits; null when none was given; a number no SMS can reach is refused in Chinese. */
    public static String checked(Object typed) {
        if (typed == null || typed.toString().isBlank()) {
            return null;
        }
        String mobile = SmsOutbox.mobile(typed.toString());
        if (mobile == null) {
            throw new UserInputException(FIELD, "反映人手机号须为 11 位手机号码，如 13800001234；没有手机号请留空");
        }
        return mobile;
    }
}
