package cn.lianban.directory;

import java.util.regex.Pattern;

/** What the directory's pages and the import accept in a form field or cell. */
final class FormValues {

    /** A mainland mobile number. */
    static final Pattern PHONE = Pattern.compile("1\\d{10}");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private FormValues() {
    }

    /** The field without surrounding blanks; null when empty. */
    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Refuses a mail address that is given and is not one. */
    static void checkEmail(String email) {
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new DirectoryRefusal("邮箱「" + email + "」格式不正确");
        }
    }
}
