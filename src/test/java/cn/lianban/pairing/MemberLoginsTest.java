package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.directory.Roles;
import cn.lianban.support.LianbanTest;

/** The member logins are mirrored into Camunda at start: what is missing comes back, a second run changes nothing. */
@LianbanTest
class MemberLoginsTest {

    @Autowired
    MemberLogins memberLogins;
    @Autowired
    PairingRepository pairing;
    @Autowired
    IdentityService identity;

    @Test
    void aLostMembershipAndAChangedNameComeBackOnceAndOnlyOnce() {
        PairingRepository.MemberLogin member = pairing.memberLogins().stream()
                .filter(m -> m.login().equals("member")).findFirst().orElseThrow();
        String grid = "grid:" + member.gridCode();
        assertThat(memberLogins.sync()).as("the start already mirrored everything").isZero();

        identity.deleteMembership("member", grid);
        User user = identity.createUserQuery().userId("member").singleResult();
        user.setFirstName("改过的名字");
        identity.saveUser(user);

        assertThat(memberLogins.sync()).isEqualTo(2);
        assertThat(identity.createGroupQuery().groupMember("member").list()).extracting(Group::getId)
                .contains(Roles.AGENCY_MEMBER, Agencies.group(member.agencyCode()), grid);
        assertThat(identity.createUserQuery().userId("member").singleResult().getFirstName()).isEqualTo(member.name());
        assertThat(identity.checkPassword("member", "demo")).as("the password is not set again").isTrue();
        assertThat(memberLogins.sync()).isZero();
    }
}
