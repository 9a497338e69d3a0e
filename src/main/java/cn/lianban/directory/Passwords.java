package cn.lianban.directory;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Passwords given and chosen (issue 15). A password someone else gives — an administrator's or street office's reset
 * ({@link #reset}), the directory import's initial one — is random, shown once, and marked: the next login must
 * change it ({@link #mustChange}). A password a person chooses ({@link #change}) follows one strength rule
 * ({@link #RULE}), the same as the first administrator's ({@link FirstAdmin}), whose password is the operator's own
 * and so is not marked.
 */
@Component
public class Passwords {

    /** Camunda user info marking a login whose password was given by someone else: it must be changed first. */
    static final String MUST_CHANGE = "lianban.password-must-change";

    static final int MIN_LENGTH = 12;

    /** The strength rule as a person reads it. */
    public static final String RULE = "至少 " + MIN_LENGTH + " 个字符，不含登录名和演示账号的密码，不能只重复几个字符";

    /** What a login that must change its password is told when it calls an API instead. */
    public static final String CHANGE_FIRST = "您的密码由他人设置，请先登录网页修改密码（/password）后再使用。";

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Without 0/O, 1/l/I: a given password is read aloud or copied by hand. */
    private static final String CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final IdentityService identity;

    public Passwords(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Gives {@code login} a new random password, lifts a lock, and marks that the next login must change it.
     *
     * @return the new password, to be shown once
     * @throws IllegalArgumentException when Camunda knows no such user
     */
    public String reset(String login) {
        return unchecked(() -> {
            User user = identity.createUserQuery().userId(login).singleResult();
            if (user == null) {
                throw new IllegalArgumentException("no user " + login);
            }
            String password = random(MIN_LENGTH);
            user.setPassword(password);
            identity.saveUser(user);
            identity.unlockUser(login);
            mustChangeNext(login);
            return password;
        });
    }

    /** Whether the login's password was given by someone else and is still unchanged. */
    public boolean mustChange(String login) {
        return unchecked(() -> identity.getUserInfo(login, MUST_CHANGE) != null);
    }

    /**
     * The person's own new password: saved, and the mark of a given password cleared, only when {@code current} is
     * their password and {@code next} follows the rule.
     *
     * @return why it was refused (in Chinese); empty when the new password was saved
     */
    public Optional<String> change(String login, String current, String next) {
        return unchecked(() -> {
            User user = identity.createUserQuery().userId(login).singleResult();
            if (user == null || current == null || !identity.checkPassword(login, current)) {
                return Optional.of("当前密码不正确，密码未修改");
            }
            if (next == null || weak(login, next)) {
                return Optional.of("新密码太弱，密码未修改：" + RULE);
            }
            if (next.equals(current)) {
                return Optional.of("新密码不能与当前密码相同，密码未修改");
            }
            user.setPassword(next);
            identity.saveUser(user);
            identity.deleteUserInfo(login, MUST_CHANGE);
            return Optional.empty();
        });
    }

    /** Marks a password just given (reset, the import's initial one): the next login must change it. */
    void mustChangeNext(String login) {
        unchecked(() -> {
            identity.setUserInfo(login, MUST_CHANGE, "true");
            return null;
        });
    }

    /** Whether {@code password} breaks the {@link #RULE} for {@code login}. */
    static boolean weak(String login, String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        return password.length() < MIN_LENGTH || lower.contains(login.toLowerCase(Locale.ROOT))
                || lower.contains(DemoDirectoryGenerator.DEMO_PASSWORD) || password.chars().distinct().count() < 4;
    }

    /** A random password of letters and digits that are not mistaken for one another. */
    static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(CHARS.charAt(RANDOM.nextInt(CHARS.length())));
        }
        return s.toString();
    }

    /**
     * Runs identity calls without the caller's authorizations: a person changing their own password and a street
     * office resetting one hold no grant on Camunda users (unlocking is for Camunda administrators only); who may
     * reset whose password is decided before ({@link AdminScope}).
     */
    private <T> T unchecked(Supplier<T> work) {
        return SystemCalls.run(identity, work);
    }
}
