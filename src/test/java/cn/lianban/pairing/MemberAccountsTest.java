package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.Passwords;
import cn.lianban.directory.Roles;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;

/**
 * Giving agency members a login on {@code /pairing/logins} (issue 15): the administrator for every member, the street
 * office for the members of its street only (another street's member is "not found"), the initial password works once
 * and must be changed; a taken or malformed login is refused; taking the login away removes the Camunda user.
 */
@LianbanTest
class MemberAccountsTest {

    private static final Pattern INITIAL = Pattern.compile("id=\"initial-password\">([^<]+)<");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    Passwords passwords;

    long ownStreet;
    long otherStreet;

    @BeforeEach
    void pickMembers() {
        String members = "SELECT m.id FROM agency_member m JOIN grid g ON g.code = m.grid_code JOIN community c ON "
                + "c.code = g.community_code JOIN area a ON a.code = c.area_code WHERE m.login IS NULL AND a.street_code ";
        ownStreet = jdbc.queryForObject(members + "= 'S-DL' ORDER BY m.id LIMIT 1", Long.class);
        otherStreet = jdbc.queryForObject(members + "<> 'S-DL' ORDER BY m.id LIMIT 1", Long.class);
    }

    @AfterEach
    void takeTheLoginsAway() {
        for (String login : jdbc.queryForList("SELECT login FROM agency_member WHERE login LIKE 'acct%'", String.class)) {
            identity.deleteUser(login);
        }
        jdbc.update("UPDATE agency_member SET login = NULL, password = NULL WHERE login LIKE 'acct%'");
    }

    @Test
    void theStreetOfficeGivesItsOwnMemberALoginThatMustBeChanged() {
        PageSession street = new PageSession(rest, "street");
        String name = jdbc.queryForObject("SELECT name FROM agency_member WHERE id = ?", String.class, ownStreet);
        assertThat(street.get("/pairing/logins?q=" + name).getBody()).contains(name, "未开通", "开通登录");

        ResponseEntity<String> opened = street.post("/pairing/logins/" + ownStreet, Map.of("login", List.of("acct1")));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(opened.getBody()).contains("已为", name, "acct1", "首次登录时须修改密码");
        Matcher initial = INITIAL.matcher(opened.getBody());
        assertThat(initial.find()).isTrue();
        String password = initial.group(1);

        String grid = jdbc.queryForObject("SELECT grid_code FROM agency_member WHERE id = ?", String.class, ownStreet);
        String agency = jdbc.queryForObject("SELECT agency_code FROM agency_member WHERE id = ?", String.class, ownStreet);
        assertThat(identity.createGroupQuery().groupMember("acct1").list()).extracting(Group::getId)
                .containsExactlyInAnyOrder(Roles.AGENCY_MEMBER, "agency:" + agency, "grid:" + grid);
        assertThat(identity.checkPassword("acct1", password)).isTrue();
        assertThat(passwords.mustChange("acct1")).isTrue();
        assertThat(identity.createUserQuery().userId("acct1").singleResult().getFirstName()).isEqualTo(name);

        assertThat(street.post("/pairing/logins/" + ownStreet + "/close", Map.of()).getBody())
                .contains("已停用", name, "服务记录保留");
        assertThat(identity.createUserQuery().userId("acct1").count()).isZero();
        assertThat(jdbc.queryForObject("SELECT login FROM agency_member WHERE id = ?", String.class, ownStreet)).isNull();
    }

    @Test
    void anotherStreetsMemberIsNotFoundAndOtherRolesAreRefused() {
        String name = jdbc.queryForObject("SELECT name FROM agency_member WHERE id = ?", String.class, otherStreet);
        PageSession street = new PageSession(rest, "street");
        street.get("/pairing/logins");
        ResponseEntity<String> refused = street.post("/pairing/logins/" + otherStreet, Map.of("login", List.of("acct2")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody()).contains("没有找到这名下沉党员").doesNotContain(name);
        assertThat(identity.createUserQuery().userId("acct2").count()).isZero();

        PageSession admin = new PageSession(rest, "admin");
        admin.get("/pairing/logins");
        assertThat(admin.post("/pairing/logins/" + otherStreet, Map.of("login", List.of("acct2"))).getBody())
                .contains("acct2", "初始密码");

        assertThat(new PageSession(rest, "secretary").get("/pairing/logins").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new PageSession(rest, "urban").get("/pairing/logins").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTakenOrMalformedLoginIsRefusedAndNothingChanges() {
        PageSession admin = new PageSession(rest, "admin");
        admin.get("/pairing/logins");
        ResponseEntity<String> taken = admin.post("/pairing/logins/" + ownStreet, Map.of("login", List.of("secretary")));
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody()).contains("登录名「secretary」已被使用");
        ResponseEntity<String> malformed = admin.post("/pairing/logins/" + ownStreet, Map.of("login", List.of("张三")));
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody()).contains("登录名须为 3 到 32 位小写字母");
        assertThat(jdbc.queryForObject("SELECT login FROM agency_member WHERE id = ?", String.class, ownStreet)).isNull();
        assertThat(identity.checkPassword("secretary", "demo")).as("the secretary's login is untouched").isTrue();
    }
}
