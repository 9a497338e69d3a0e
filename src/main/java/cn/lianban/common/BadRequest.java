package cn.lianban.common;

/** Bad input to one of the project's endpoints: answered with HTTP 400 and an {@link ApiError}; nothing changed. */
public class BadRequest extends RuntimeException {

    private final String code;

    public BadRequest(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
