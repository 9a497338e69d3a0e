package cn.lianban.directory;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.lianban.directory.DirectoryImport.Member;
import cn.lianban.directory.DirectoryImport.OpenTask;
import cn.lianban.directory.DirectoryImport.Password;

/**
 * A person's Camunda account as the directory changes it, for the import and the admin pages alike: leaving the
 * groups of an old role or unit (IdentitySync adds the new ones), deactivation (no groups, a password nobody
 * knows, the open tasks left behind listed for reassignment) and a fresh initial password.
 * <p>
 * The work is done as the system: who may change whom is the directory's own check ({@link AdminScope}), not
 * Camunda's authorizations, which give a street office no rights on users, groups or other people's tasks.
 */
@Component
class Accounts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final IdentityService identity;
    private final TaskService tasks;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final IdentitySync sync;
    private final Passwords passwords;

    Accounts(IdentityService identity, TaskService tasks, Directory directory, JdbcTemplate jdbc, IdentitySync sync,
             Passwords passwords) {
        this.passwords = passwords;
        this.identity = identity;
        this.tasks = tasks;
        this.directory = directory;
        this.jdbc = JdbcClient.create(jdbc);
        this.sync = sync;
    }

    /** The groups of a former role and unit that a moved person leaves. */
    void leave(String login, String role, String unitGroup) {
        asSystem(() -> {
            Set<String> groups = new HashSet<>();
            identity.createGroupQuery().groupMember(login).list().stream().map(Group::getId).forEach(groups::add);
            for (String g : new String[]{role, unitGroup}) {
                if (g != null && groups.contains(g)) {
                    identity.deleteMembership(login, g);
                }
            }
            return null;
        });
    }

    /** An active person's user and the groups of their role and unit, as the directory now says. */
    void join(String login) {
        asSystem(() -> {
            sync.syncPerson(login);
            return null;
        });
    }

    /** A created or renamed unit's group. */
    void unitGroup(UnitType type, String code, String name) {
        asSystem(() -> {
            sync.syncUnit(type, code, name);
            return null;
        });
    }

    /** The names of the groups a person is in. */
    List<String> groupNames(String login) {
        return asSystem(() -> identity.createGroupQuery().groupMember(login).orderByGroupName().asc().list().stream()
                .map(Group::getName).toList());
    }

    /**
     * Takes a deactivated person's account away (the person row already says inactive): no groups, and a password
     * nobody knows, so no login and no REST; reactivating sets a new one.
     *
     * @param former the person as they were, for their unit
     * @return the open tasks they leave behind
     */
    List<OpenTask> deactivate(Member former) {
        return asSystem(() -> {
            takeAway(former.login());
            return openTasks(former);
        });
    }

    private void takeAway(String login) {
        User user = identity.createUserQuery().userId(login).singleResult();
        if (user != null) {
            identity.createGroupQuery().groupMember(login).list()
                    .forEach(g -> identity.deleteMembership(login, g.getId()));
            user.setPassword(Passwords.random(32));
            identity.saveUser(user);
        }
    }

    /**
     * A fresh random initial password for a new or re-activated person (the user made here when missing), to be
     * changed at their first login; IdentitySync adds name and groups.
     */
    Password newPassword(Member m) {
        String password = Passwords.random(Passwords.MIN_LENGTH);
        User user = identity.createUserQuery().userId(m.login()).singleResult();
        if (user == null) {
            user = identity.newUser(m.login());
            user.setFirstName(m.name());
            user.setLastName("");
            user.setEmail(m.email());
        }
        user.setPassword(password);
        identity.saveUser(user);
        passwords.mustChangeNext(m.login());
        return new Password(m.login(), m.name(), password);
    }

    /** How many tasks are assigned to a login and not done. */
    long assignedTasks(String login) {
        return asSystem(() -> tasks.createTaskQuery().taskAssignee(login).active().count());
    }

    /**
     * The open tasks a deactivated person leaves behind: those assigned to them, and those waiting for their unit
     * when nobody active is left in it.
     */
    private List<OpenTask> openTasks(Member m) {
        List<OpenTask> open = new ArrayList<>();
        for (Task t : tasks.createTaskQuery().taskAssignee(m.login()).active().orderByTaskCreateTime().asc().list()) {
            open.add(new OpenTask(m.name() + "（" + m.login() + "）", t.getName(), "本人办理",
                    WHEN.format(t.getCreateTime().toInstant()), t.getId()));
        }
        String group = m.unitGroup();
        boolean nobodyLeft = group != null && jdbc.sql("SELECT COUNT(*) FROM person WHERE unit_type = ? AND "
                + "unit_code = ? AND active").params(m.unitType().name(), m.unitCode()).query(Integer.class).single() == 0;
        if (nobodyLeft) {
            for (Task t : tasks.createTaskQuery().taskCandidateGroup(group).taskUnassigned().active()
                    .orderByTaskCreateTime().asc().list()) {
                open.add(new OpenTask(m.name() + "（" + m.login() + "）", t.getName(),
                        directory.unitName(group) + "待领取（单位已无在岗人员）",
                        WHEN.format(t.getCreateTime().toInstant()), t.getId()));
            }
        }
        return open;
    }

    private <T> T asSystem(Supplier<T> work) {
        return SystemCalls.run(identity, work);
    }
}
