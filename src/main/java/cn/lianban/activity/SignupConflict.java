package cn.lianban.activity;

/**
 * A well-formed request the activity's state refuses (already signed up, sign-up closed, not confirmed…):
 * answered with 409; nothing changed.
 */
class SignupConflict extends RuntimeException {

    private final String code;

    public SignupConflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
