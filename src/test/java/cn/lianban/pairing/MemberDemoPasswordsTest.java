package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.DemoPasswords;
import cn.lianban.support.LianbanTest;

/**
 * A start without demo on a database seeded with demo once: the demo member logins lose the password demo (issue 15,
 * "no default password survives into production"). The step is built by hand here, as the shared test context
 * runs with demo on; the logins get their demo password back afterwards for the other tests.
 */
@LianbanTest
class MemberDemoPasswordsTest {

    @Autowired
    PairingRepository pairing;
    @Autowired
    DemoPasswords demoPasswords;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoMemberLoginsLoseTheDemoPassword() {
        assertThat(pairing.loginsWithPassword("demo")).contains("member", "member2");
        try {
            new MemberDemoPasswords(pairing, demoPasswords).run();
            assertThat(identity.checkPassword("member", "demo")).isFalse();
            assertThat(identity.checkPassword("member2", "demo")).isFalse();
            assertThat(pairing.loginsWithPassword("demo")).isEmpty();
            assertThat(identity.createGroupQuery().groupMember("member").count()).as("groups kept").isPositive();
        } finally {
            for (String login : new String[]{"member", "member2"}) {
                User user = identity.createUserQuery().userId(login).singleResult();
                user.setPassword("demo");
                identity.saveUser(user);
                identity.deleteUserInfo(login, "lianban.demo-password-removed");
                identity.unlockUser(login);
                jdbc.update("UPDATE agency_member SET password = 'demo' WHERE login = ?", login);
            }
        }
    }
}
