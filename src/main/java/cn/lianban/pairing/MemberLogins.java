package cn.lianban.pairing;

import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.startup.StartupStep;

/**
 * Mirrors the agency members who have a login into Camunda's identity, after the directory's own sync (which
 * creates the role and grid groups): a user per member, a group per agency, memberships of the role
 * {@code agency-member}, the agency and the member's grid. Idempotent; a password is set only when the user is
 * created, so a changed one survives a restart.
 */
@Component
@Order(1)
class MemberLogins implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(MemberLogins.class);

    private final IdentityService identity;
    private final PairingRepository pairing;

    MemberLogins(IdentityService identity, PairingRepository pairing) {
        this.identity = identity;
        this.pairing = pairing;
    }

    @Override
    public void run() {
        int changes = 0;
        for (PairingRepository.MemberLogin m : pairing.memberLogins()) {
            changes += agencyGroup(m.agencyCode());
            User user = identity.createUserQuery().userId(m.login()).singleResult();
            if (user == null) {
                user = identity.newUser(m.login());
                user.setPassword(m.password());
            } else if (m.name().equals(user.getFirstName())) {
                user = null;
            }
            if (user != null) {
                user.setFirstName(m.name());
                user.setLastName("");
                identity.saveUser(user);
                changes++;
            }
            Set<String> current = identity.createGroupQuery().groupMember(m.login()).list().stream()
                    .map(Group::getId).collect(Collectors.toSet());
            for (String group : new String[]{Roles.AGENCY_MEMBER, Agencies.group(m.agencyCode()),
                    UnitType.GRID.group(m.gridCode())}) {
                if (!current.contains(group)) {
                    identity.createMembership(m.login(), group);
                    changes++;
                }
            }
        }
        if (changes > 0) {
            LOG.info("Member logins: {} changes", changes);
        }
    }

    private int agencyGroup(String code) {
        String name = pairing.agency(code).map(Agency::name).orElse(code);
        Group group = identity.createGroupQuery().groupId(Agencies.group(code)).singleResult();
        if (group != null && name.equals(group.getName())) {
            return 0;
        }
        if (group == null) {
            group = identity.newGroup(Agencies.group(code));
        }
        group.setName(name);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        return 1;
    }
}
