package cn.lianban.activity;

/** No activity with that id, or no live sign-up of that phone for it: answered with 404. */
class ActivityNotFound extends RuntimeException {

    private final String code;

    public ActivityNotFound(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
