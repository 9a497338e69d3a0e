package cn.lianban.security.login;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A login refused without checking its password, because the login name or the address is blocked for a while. */
public class LoginThrottled extends AuthenticationException {

    private final Duration wait;

    public LoginThrottled(Duration wait) {
        super(message(wait));
        this.wait = wait;
    }

    /** Whole seconds, at least one, for a Retry-After header. */
    public long retryAfterSeconds() {
        return seconds(wait);
    }

    /** 登录失败次数过多，请 30 秒后再试。 */
    public static String message(Duration wait) {
        long seconds = seconds(wait);
        String when = seconds < 60 ? seconds + " 秒" : ((seconds + 59) / 60) + " 分钟";
        return "登录失败次数过多，请 " + when + "后再试。";
    }

    /** Whole seconds of a wait, rounded up, at least one (Retry-After). */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
