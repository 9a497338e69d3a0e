package cn.lianban.pairing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
        int changes = sync();
        if (changes > 0) {
            LOG.info("Member logins: {} changes", changes);
        }
    }

    /** @return how many users, groups and memberships were created or changed */
    int sync() {
        List<PairingRepository.MemberLogin> members = pairing.memberLogins();
        // compared in bulk: one query for the users, one per group concerned, not two per member (thousands of
        // imported member logins would otherwise slow every start)
        Map<String, User> users = identity.createUserQuery().list().stream()
                .collect(Collectors.toMap(User::getId, u -> u));
        Map<String, Set<String>> membersOf = new HashMap<>();
        int changes = 0;
        for (String agency : members.stream().map(PairingRepository.MemberLogin::agencyCode).distinct().toList()) {
            changes += agencyGroup(agency);
        }
        for (PairingRepository.MemberLogin m : members) {
            changes += mirror(m, users.get(m.login()), group -> membersOf.computeIfAbsent(group, g -> identity
                    .createUserQuery().memberOfGroup(g).list().stream().map(User::getId).collect(Collectors.toSet())));
        }
        return changes;
    }

    /**
     * Mirrors one member's login at once (a login given, or a member moved, on the admin pages): also leaves the
     * groups of an agency or grid the member no longer belongs to.
     */
    void mirror(PairingRepository.MemberLogin m) {
        agencyGroup(m.agencyCode());
        Set<String> mine = identity.createGroupQuery().groupMember(m.login()).list().stream().map(Group::getId)
                .collect(Collectors.toSet());
        Set<String> wanted = Set.of(Agencies.group(m.agencyCode()), UnitType.GRID.group(m.gridCode()));
        for (String group : Set.copyOf(mine)) {
            boolean placement = group.startsWith(Agencies.GROUP_PREFIX) || UnitType.GRID.codeIn(group) != null;
            if (placement && !wanted.contains(group)) {
                identity.deleteMembership(m.login(), group);
                mine.remove(group);
            }
        }
        mirror(m, identity.createUserQuery().userId(m.login()).singleResult(),
                group -> mine.contains(group) ? new HashSet<>(Set.of(m.login())) : new HashSet<>());
    }

    /** @param membersOf the logins in a group, as a set this method may add to */
    private int mirror(PairingRepository.MemberLogin m, User user, Function<String, Set<String>> membersOf) {
        int changes = user(m, user);
        for (String group : List.of(Roles.AGENCY_MEMBER, Agencies.group(m.agencyCode()),
                UnitType.GRID.group(m.gridCode()))) {
            if (membersOf.apply(group).add(m.login())) {
                identity.createMembership(m.login(), group);
                changes++;
            }
        }
        return changes;
    }

    private int user(PairingRepository.MemberLogin m, User user) {
        if (user == null) {
            user = identity.newUser(m.login());
            user.setPassword(m.password());
        } else if (m.name().equals(user.getFirstName())) {
            return 0;
        }
        user.setFirstName(m.name());
        user.setLastName("");
        identity.saveUser(user);
        return 1;
    }

    int agencyGroup(String code) {
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
