package cn.lianban.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import cn.lianban.startup.StartupStep;

/**
 * Mirrors the directory into Camunda's identity: one group per role and per unit, one user per person,
 * memberships for role and unit. Idempotent: it creates what is missing and renames what changed;
 * a second run changes nothing. Passwords are only set when a user is created, so a changed password
 * survives a restart.
 */
@Order(0)
@Service
class IdentitySync implements StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySync.class);

    private final IdentityService identity;
    private final Directory directory;

    public IdentitySync(IdentityService identity, Directory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /** @return how many groups, users and memberships were created or changed */
    @Override
    public void run() {
        sync();
    }

    public int sync() {
        int changes = syncGroups(wantedGroups());
        Map<String, User> users = identity.createUserQuery().list().stream()
                .collect(Collectors.toMap(User::getId, u -> u));
        for (Person person : directory.persons()) {
            changes += syncUser(person, users.get(person.login()));
            changes += syncMemberships(person);
        }
        if (changes > 0) {
            LOG.info("Identity sync: {} changes", changes);
        }
        return changes;
    }

    /** Group id → Chinese name, for every role and unit. */
    Map<String, String> wantedGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        Roles.ALL.forEach(r -> groups.put(r, Roles.chineseName(r)));
        directory.streets().forEach(s -> groups.put(UnitType.STREET.group(s.code()), s.name()));
        directory.areas().forEach(a -> groups.put(UnitType.AREA.group(a.code()), groupName(UnitType.AREA, a.name())));
        directory.communities().forEach(c -> groups.put(UnitType.COMMUNITY.group(c.code()), c.name()));
        directory.grids().forEach(g -> groups.put(UnitType.GRID.group(g.code()), g.name()));
        directory.departments().forEach(d -> groups.put(UnitType.DEPT.group(d.code()), d.name()));
        return groups;
    }

    /** A unit group's name: the unit's, an area's led by its joint party committee. */
    static String groupName(UnitType type, String unitName) {
        return type == UnitType.AREA ? unitName + "联合党委" : unitName;
    }

    /** One unit created or renamed on the admin pages: its group follows at once. */
    void syncUnit(UnitType type, String code, String name) {
        syncGroups(Map.of(type.group(code), groupName(type, name)));
    }

    /**
     * One person changed on the admin pages: their user, and the groups of their role and unit (a group left
     * behind is removed by {@link Accounts#leave} first). An inactive person is left alone.
     */
    void syncPerson(String login) {
        directory.person(login).ifPresent(person -> {
            syncUser(person, identity.createUserQuery().userId(login).singleResult());
            syncMemberships(person);
        });
    }

    private int syncGroups(Map<String, String> wanted) {
        Map<String, Group> existing = identity.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, g -> g));
        int changes = 0;
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            Group group = existing.get(e.getKey());
            if (group == null) {
                group = identity.newGroup(e.getKey());
            } else if (e.getValue().equals(group.getName())) {
                continue;
            }
            group.setName(e.getValue());
            group.setType(Roles.ADMIN.equals(e.getKey()) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
            changes++;
        }
        return changes;
    }

    private int syncUser(Person person, User user) {
        boolean created = user == null;
        if (created) {
            user = identity.newUser(person.login());
            user.setPassword(person.password());
        } else if (person.name().equals(user.getFirstName()) && person.email().equals(user.getEmail())) {
            return 0;
        }
        // Chinese names are not split into first/last; the whole name goes in firstName, lastName stays empty.
        user.setFirstName(person.name());
        user.setLastName("");
        user.setEmail(person.email());
        identity.saveUser(user);
        return 1;
    }

    private int syncMemberships(Person person) {
        Set<String> current = identity.createGroupQuery().groupMember(person.login()).list().stream()
                .map(Group::getId).collect(Collectors.toSet());
        int changes = 0;
        for (String group : groupsOf(person)) {
            if (!current.contains(group)) {
                identity.createMembership(person.login(), group);
                changes++;
            }
        }
        return changes;
    }

    static List<String> groupsOf(Person person) {
        return person.unitType() == null ? List.of(person.role())
                : List.of(person.role(), person.unitType().group(person.unitCode()));
    }
}
