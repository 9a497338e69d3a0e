package cn.lianban.directory;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * 重置密码 (issue 15): {@code POST /admin/people/{login}/password}, the button of a person's admin page. An
 * administrator may reset anyone's password, a street office only that of a person of its own street and never an
 * administrator's ({@link AdminScope}); a person outside the scope answers as an unknown one, 404. The new password
 * is shown once and must be changed at the person's first login ({@link Passwords}); the log says who reset whose
 * password, never the password. Who may post here at all (administrators, street offices) is configured with the
 * rest of security.
 */
@Controller
class PasswordAdminController {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordAdminController.class);

    private final AdminScope scopes;
    private final Passwords passwords;
    private final JdbcClient jdbc;

    PasswordAdminController(AdminScope scopes, Passwords passwords, JdbcTemplate jdbc) {
        this.scopes = scopes;
        this.passwords = passwords;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** The person as the reset needs them. */
    record Target(String login, String name, UnitType unitType, String unitCode, boolean active) {
    }

    @PostMapping("/admin/people/{login}/password")
    String reset(@PathVariable String login, Principal user, Model model, HttpServletResponse response) {
        AdminScope.Scope scope = scopes.of(user.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        Target target = jdbc.sql("SELECT login, name, unit_type, unit_code, active FROM person WHERE login = ?")
                .param(login).query(Target.class).optional()
                .filter(t -> scope.covers(t.unitType() == null ? null : scopes.streetOf(t.unitType(), t.unitCode())))
                // a street office never resets an administrator's password, whatever unit they are listed in
                .filter(t -> scope.wholeCity() || scopes.of(t.login()).filter(AdminScope.Scope::wholeCity).isEmpty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("person", target);
        if (!target.active()) {
            // a deactivated person has no login; a new password would give them one back
            response.setStatus(HttpStatus.CONFLICT.value());
            return "admin/password";
        }
        model.addAttribute("password", passwords.reset(login));
        LOG.info("{} 重置了 {} 的密码，首次登录须修改 / {} reset the password of {}", user.getName(), login,
                user.getName(), login);
        return "admin/password";
    }
}
