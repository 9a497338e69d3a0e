package cn.lianban.common;

import java.util.regex.Pattern;

/**
 * The project's refusals name the field for apps, as in 手机号（phone）不能为空. Pages show the same sentence to
 * people without the code: 手机号不能为空.
 */
public final class FieldCodes {

    private static final Pattern CODE = Pattern.compile("（[A-Za-z][A-Za-z、]*）");

    public static String withoutCodes(String message) {
        return message == null ? null : CODE.matcher(message).replaceAll("");
    }

    private FieldCodes() {
    }
}
