package cn.lianban.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.Passwords;
import cn.lianban.directory.Roles;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TestPeople;
import cn.lianban.support.Visitor;

/**
 * 重置密码 and the change it forces, over HTTP as a browser and as apps: who may reset whose password (an
 * administrator anyone's, the street office of 大岭 only its own street's people and never an administrator's, other
 * roles nobody's), a reset login sent to /password from every page and refused by the APIs until it has changed
 * it, and where logins land. On people of its own (logins pw-…), removed after each test; no demo password changes.
 */
@LianbanTest
class PasswordResetTest {

    private static final String START = "Start-Pw-2026x";
    private static final String NEW = "Neues-Passwort-42";
    private static final Pattern GIVEN = Pattern.compile("id=\"password\">([^<]+)<");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Passwords passwords;

    @BeforeEach
    void people() {
        String own = jdbc.queryForObject("SELECT MIN(c.code) FROM community c JOIN area a ON a.code = c.area_code "
                + "WHERE a.street_code = 'S-DL'", String.class);
        String other = jdbc.queryForObject("SELECT MIN(c.code) FROM community c JOIN area a ON a.code = c.area_code "
                + "WHERE a.street_code <> 'S-DL'", String.class);
        person("pw-own", "本街书记", Roles.COMMUNITY_SECRETARY, own);
        person("pw-other", "外街书记", Roles.COMMUNITY_SECRETARY, other);
        // an administrator listed in a community of the street office's own street
        person("pw-boss", "本街管理员", Roles.ADMIN, own);
    }

    private void person(String login, String name, String role, String community) {
        TestPeople.add(jdbc, identity, login, name, role, community, START);
    }

    @AfterEach
    void removeThem() {
        TestPeople.remove(jdbc, identity, "pw-own", "pw-other", "pw-boss");
    }

    @Test
    void anAdministratorResetsAnyonesPasswordOnce() throws Exception {
        Visitor admin = loggedIn("admin");
        HttpResponse<String> page = reset(admin, "pw-other");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("已为 外街书记（pw-other）重置密码", "首次登录时必须修改");
        String given = given(page);
        assertThat(identity.checkPassword("pw-other", given)).isTrue();
        assertThat(identity.checkPassword("pw-other", START)).isFalse();
        assertThat(passwords.mustChange("pw-other")).isTrue();
        assertThat(reset(admin, "pw-boss").statusCode()).isEqualTo(200);
        assertThat(reset(admin, "pw-nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void theStreetOfficeResetsOnlyThePeopleOfItsOwnStreetAndNoAdministrator() throws Exception {
        Visitor street = loggedIn("street");
        HttpResponse<String> own = reset(street, "pw-own");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(identity.checkPassword("pw-own", given(own))).isTrue();

        assertThat(reset(street, "pw-other").statusCode()).isEqualTo(404);
        assertThat(reset(street, "pw-boss").statusCode()).isEqualTo(404);
        assertThat(reset(street, "admin").statusCode()).isEqualTo(404);
        assertThat(reset(street, "pw-nobody").statusCode()).isEqualTo(404);
        assertThat(identity.checkPassword("pw-other", START)).isTrue();
        assertThat(identity.checkPassword("pw-boss", START)).isTrue();
        assertThat(passwords.mustChange("pw-other")).isFalse();
    }

    @Test
    void otherRolesResetNobodysPassword() throws Exception {
        for (String user : new String[]{"secretary", "center", "committee"}) {
            assertThat(reset(loggedIn(user), "pw-own").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(identity.checkPassword("pw-own", START)).isTrue();
    }

    @Test
    void aResetLoginChangesItsPasswordBeforeAnythingElse() throws Exception {
        String given = given(reset(loggedIn("admin"), "pw-own"));
        Visitor person = new Visitor(port);
        // a page sent it to the login: after the change it goes on there
        assertThat(person.get("/cases").statusCode()).isEqualTo(302);
        HttpResponse<String> login = person.tryLogIn("pw-own", given);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/password");

        for (String page : new String[]{"/cases", "/dashboard", "/camunda/app/tasklist/default/"}) {
            HttpResponse<String> answer = person.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/password");
        }
        HttpResponse<String> api = person.get("/api/cases");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains(Passwords.CHANGE_FIRST);
        // apps with HTTP Basic too
        ResponseEntity<String> basicApi = rest.withBasicAuth("pw-own", given).getForEntity("/api/cases", String.class);
        assertThat(basicApi.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(basicApi.getBody()).contains(Passwords.CHANGE_FIRST);
        ResponseEntity<String> basicPage = rest.withBasicAuth("pw-own", given).getForEntity("/cases", String.class);
        assertThat(basicPage.getStatusCode()).as("no redirect to a form for an app").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(basicPage.getBody()).contains(Passwords.CHANGE_FIRST);
        ResponseEntity<String> engine = rest.withBasicAuth("pw-own", given).getForEntity("/engine-rest/task/count",
                String.class);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.getBody()).contains(Passwords.CHANGE_FIRST);

        HttpResponse<String> form = person.get("/password");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("当前密码", "新密码", "再次输入新密码", Passwords.RULE, "初始密码");
        assertThat(change(person, "wrong-Current-1", NEW, NEW).body()).contains("当前密码不正确，密码未修改");
        assertThat(change(person, given, "kurz-1", "kurz-1").body()).contains("新密码太弱，密码未修改");
        assertThat(change(person, given, NEW, NEW + "x").body()).contains("两次输入的新密码不一致，密码未修改");
        assertThat(change(person, given, "", "").body()).contains("请填写新密码");
        assertThat(identity.checkPassword("pw-own", given)).isTrue();
        assertThat(person.get("/cases").statusCode()).isEqualTo(302);

        HttpResponse<String> changed = change(person, given, NEW, NEW);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location").orElseThrow()).contains("/cases");
        assertThat(person.get("/cases").statusCode()).isEqualTo(200);
        assertThat(identity.checkPassword("pw-own", NEW)).isTrue();
        assertThat(passwords.mustChange("pw-own")).isFalse();
        assertThat(rest.withBasicAuth("pw-own", NEW).getForEntity("/engine-rest/task/count", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anyoneMayChangeTheirOwnPasswordAndStays() throws Exception {
        Visitor person = new Visitor(port);
        assertThat(person.tryLogIn("pw-other", START).headers().firstValue("Location").orElseThrow())
                .endsWith("/camunda/app/tasklist/");
        assertThat(person.get("/cases").body()).contains("修改密码");
        HttpResponse<String> changed = change(person, START, NEW, NEW);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("密码已修改");
        assertThat(identity.checkPassword("pw-other", NEW)).isTrue();
    }

    @Test
    void anAgencyMemberLandsOnTheirPhonePage() throws Exception {
        assertThat(new Visitor(port).logIn("member").headers().firstValue("Location").orElseThrow())
                .endsWith("/members/me");
        assertThat(new Visitor(port).logIn("member2").headers().firstValue("Location").orElseThrow())
                .endsWith("/members/me");
    }

    private Visitor loggedIn(String user) throws Exception {
        Visitor visitor = new Visitor(port);
        visitor.logIn(user);
        return visitor;
    }

    /** Posts the reset as the person page's button does, with the CSRF token of a page of the session. */
    private static HttpResponse<String> reset(Visitor visitor, String login) throws Exception {
        String token = Visitor.csrf(visitor.get("/password").body());
        return visitor.postForm("/admin/people/" + login + "/password", Map.of("_csrf", token));
    }

    private static HttpResponse<String> change(Visitor visitor, String current, String next, String repeat)
            throws Exception {
        String token = Visitor.csrf(visitor.get("/password").body());
        return visitor.postForm("/password", Map.of("_csrf", token, "current", current, "next", next,
                "repeat", repeat));
    }

    private static String given(HttpResponse<String> page) {
        Matcher m = GIVEN.matcher(page.body());
        assertThat(m.find()).as("the new password on the page").isTrue();
        return m.group(1);
    }
}
