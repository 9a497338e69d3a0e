package cn.lianban.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.startup.StartupStep;

/**
 * Production without demo ({@code lianban.demo.enabled=false}): no login keeps the demo password, and there is an
 * administrator. Runs after {@link IdentitySync}, so persons filled in with SQL are Camunda users already.
 * <ul>
 * <li>every person row still holding the demo password, and every member of {@code camunda-admin}, whose Camunda
 * password is still {@code demo} gets a random password nobody knows (the login stays, with its groups and tasks;
 * an administrator gives it a new password in Camunda Admin) and is listed in a warning;</li>
 * <li>when no administrator is left, the first one is created from {@code LIANBAN_ADMIN_LOGIN},
 * {@code LIANBAN_ADMIN_PASSWORD} (or {@code LIANBAN_ADMIN_PASSWORD_FILE}), {@code LIANBAN_ADMIN_NAME},
 * {@code LIANBAN_ADMIN_EMAIL}: a person row without password and a Camunda user (password hashed by Camunda) in
 * {@code camunda-admin}, which {@code security/GlobalAuthorizations} grants everything; an existing administrator
 * is never changed, the variables are then ignored;</li>
 * <li>no administrator and no variables, a weak password, or a login already taken: the start fails with a
 * message for the operator.</li>
 * </ul>
 * The password is the operator's own, so the first login does not ask to change it (it is not marked as
 * {@link Passwords} marks a given one).
 */
@Order(5)
@Component
@ConditionalOnProperty(name = "lianban.demo.enabled", havingValue = "false")
class FirstAdmin implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final IdentityService identity;
    private final DemoPasswords demoPasswords;
    private final IdentitySync sync;
    private final JdbcClient jdbc;
    private final Settings settings;

    @Autowired
    FirstAdmin(IdentityService identity, DemoPasswords demoPasswords, IdentitySync sync, JdbcClient jdbc,
               @Value("${lianban.admin.login:}") String login, @Value("${lianban.admin.password:}") String password,
               @Value("${lianban.admin.password-file:}") String passwordFile,
               @Value("${lianban.admin.name:}") String name, @Value("${lianban.admin.email:}") String email) {
        this(identity, demoPasswords, sync, jdbc, new Settings(login, password.isEmpty() ? readFile(passwordFile) : password, name,
                email));
    }

    FirstAdmin(IdentityService identity, DemoPasswords demoPasswords, IdentitySync sync, JdbcClient jdbc,
               Settings settings) {
        this.identity = identity;
        this.demoPasswords = demoPasswords;
        this.sync = sync;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The variables, blank where not set. */
    record Settings(String login, String password, String name, String email) {

        boolean given() {
            return !login.isBlank() || !password.isEmpty();
        }
    }

    @Override
    public void run() {
        List<String> removed = removeDemoPasswords();
        if (!removed.isEmpty()) {
            LOG.warn("演示数据已关闭，以下登录名仍使用演示密码 demo，已改为随机密码（请管理员在 Camunda Admin 中重设）/ "
                    + "demo is off: these logins still had the demo password and got a random one "
                    + "(an administrator sets a new one in Camunda Admin): {}", removed);
        }
        if (adminExists()) {
            if (settings.given()) {
                LOG.info("已有管理员，LIANBAN_ADMIN_* 未使用 / an administrator exists; LIANBAN_ADMIN_* ignored");
            }
            return;
        }
        create();
    }

    private List<String> removeDemoPasswords() {
        Set<String> candidates = new LinkedHashSet<>(jdbc.sql("SELECT login FROM person WHERE password = ? ORDER BY login")
                .param(DemoDirectoryGenerator.DEMO_PASSWORD).query(String.class).list());
        identity.createUserQuery().memberOfGroup(Roles.ADMIN).list().forEach(u -> candidates.add(u.getId()));
        List<String> removed = demoPasswords.replace(candidates);
        // the person table keeps the password only to create the Camunda user; no row keeps the demo one
        jdbc.sql("UPDATE person SET password = NULL WHERE password = ?").param(DemoDirectoryGenerator.DEMO_PASSWORD)
                .update();
        return removed;
    }

    private boolean adminExists() {
        return identity.createUserQuery().memberOfGroup(Roles.ADMIN).list().stream()
                .anyMatch(u -> !demoPasswords.removed(u.getId()));
    }

    private void create() {
        if (!settings.given()) {
            throw new IllegalStateException("演示数据已关闭（LIANBAN_DEMO_ENABLED=false），但没有管理员：请设置 "
                    + "LIANBAN_ADMIN_LOGIN 和 LIANBAN_ADMIN_PASSWORD（或 LIANBAN_ADMIN_PASSWORD_FILE）后重新启动 / "
                    + "demo is off and there is no administrator: set LIANBAN_ADMIN_LOGIN and LIANBAN_ADMIN_PASSWORD "
                    + "(or LIANBAN_ADMIN_PASSWORD_FILE) and start again");
        }
        String login = settings.login().trim();
        String problem = problemOf(login, settings.password());
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        if (identity.createUserQuery().userId(login).count() > 0) {
            throw new IllegalStateException("LIANBAN_ADMIN_LOGIN " + login + " 已被占用，请换一个登录名 / "
                    + "login " + login + " is taken by someone else; choose another one");
        }
        String name = settings.name().isBlank() ? Roles.chineseName(Roles.ADMIN) : settings.name().trim();
        String email = settings.email().trim();
        User user = identity.newUser(login);
        user.setPassword(settings.password());
        // as IdentitySync mirrors a person: the whole name in firstName
        user.setFirstName(name);
        user.setLastName("");
        user.setEmail(email);
        identity.saveUser(user);
        jdbc.sql("INSERT INTO person(login, name, email, role) VALUES (?,?,?,?)")
                .params(login, name, email, Roles.ADMIN).update();
        sync.sync();
        LOG.info("已创建管理员 {} / first administrator {} created", login, login);
    }

    /** Why the login or password from the variables cannot be used, or null. */
    static String problemOf(String login, String password) {
        if (login.isEmpty()) {
            return "请设置 LIANBAN_ADMIN_LOGIN / LIANBAN_ADMIN_LOGIN is not set";
        }
        if (!login.matches("[a-zA-Z0-9._-]{1,64}")) {
            return "LIANBAN_ADMIN_LOGIN 只能由字母、数字和 . _ - 组成，最多 64 个字符 / "
                    + "LIANBAN_ADMIN_LOGIN may only hold letters, digits and . _ - (at most 64)";
        }
        if (Passwords.weak(login, password)) {
            return "LIANBAN_ADMIN_PASSWORD 太弱：" + Passwords.RULE + " / LIANBAN_ADMIN_PASSWORD is too weak: at least "
                    + Passwords.MIN_LENGTH + " characters, without the login or demo, not just a few characters repeated";
        }
        return null;
    }

    private static String readFile(String file) {
        if (file.isBlank()) {
            return "";
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("无法读取 LIANBAN_ADMIN_PASSWORD_FILE " + file + " / cannot read "
                    + "LIANBAN_ADMIN_PASSWORD_FILE " + file, e);
        }
    }
}
