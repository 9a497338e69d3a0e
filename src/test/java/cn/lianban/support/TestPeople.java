package cn.lianban.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People a test makes for itself, so that no demo login's password changes: a directory row in a community and the
 * Camunda user with its role and unit groups, as the directory import would make them; removed with their user infos.
 */
public final class TestPeople {

    private TestPeople() {
    }

    public static void add(JdbcTemplate jdbc, IdentityService identity, String login, String name, String role,
                           String community, String password) {
        jdbc.update("INSERT INTO person(login, name, email, role, unit_type, unit_code) VALUES (?,?,?,?,?,?)",
                login, name, login + "@test.cn", role, "COMMUNITY", community);
        User user = identity.newUser(login);
        user.setFirstName(name);
        user.setLastName("");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(login, role);
        identity.createMembership(login, "community:" + community);
    }

    public static void remove(JdbcTemplate jdbc, IdentityService identity, String... logins) {
        for (String login : logins) {
            identity.deleteUserInfo(login, "lianban.password-must-change");
            identity.deleteUser(login);
            jdbc.update("DELETE FROM person WHERE login = ?", login);
        }
    }
}
