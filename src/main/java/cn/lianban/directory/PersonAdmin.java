package cn.lianban.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.directory.AdminScope.Scope;
import cn.lianban.directory.DirectoryChanges.Change;
import cn.lianban.directory.DirectoryImport.Member;
import cn.lianban.directory.DirectoryImport.OpenTask;
import cn.lianban.directory.UnitAdmin.Unit;

/**
 * 人员管理 (/admin/people): finding people, editing name, phone, mail and role, moving a person to another unit,
 * deactivating and reactivating. Camunda follows in the same transaction: the groups of a former role or unit
 * are left and the new ones joined ({@link Accounts}), a deactivated person loses groups and
 * password as in the import. A street office manages the people of its own street only, and gives no role above
 * its own reach ({@link #GRANTED_BY_ADMIN_ONLY}); anything outside the scope answers {@link NotInScope}.
 */
@Service
class PersonAdmin {

    /** Roles only an administrator gives (and whose holders only an administrator manages). */
    static final Set<String> GRANTED_BY_ADMIN_ONLY = Set.of(Roles.ADMIN, Roles.CITY_CENTER, Roles.DEPARTMENT);

    private static final int SHOWN = 200;

    private final JdbcClient jdbc;
    private final UnitAdmin units;
    private final Accounts accounts;
    private final DirectoryChanges changes;

    PersonAdmin(JdbcTemplate jdbc, UnitAdmin units, Accounts accounts, DirectoryChanges changes) {
        this.jdbc = JdbcClient.create(jdbc);
        this.units = units;
        this.accounts = accounts;
        this.changes = changes;
    }

    /** A person as the pages show them: role and unit in Chinese. */
    record PersonView(String login, String name, String phone, String email, String role, String roleName,
                      UnitType unitType, String unitCode, String unitName, boolean active) {
        /** The unit as the move form names it: {@code COMMUNITY:C-DL-01}. */
        public String unit() {
            return key(unitType, unitCode);
        }

        public String unitTypeName() {
            return unitType == null ? null : DirectoryWorkbook.SHEETS.get(unitType);
        }
    }

    /** What an office fills in for a person; {@code unit} as {@link PersonView#unit()}, empty fields null. */
    record PersonForm(String name, String phone, String email, String role, String unit) {
    }

    /** A role that may be chosen, in Chinese. */
    record RoleChoice(String code, String name) {
    }

    record Found(List<PersonView> people, int total) {
        public boolean cut() {
            return total > people.size();
        }
    }

    /** People whose name, login, phone or unit name contains the query, within the scope. */
    Found search(Scope scope, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Map<String, Unit> unitsInScope = unitsByKey(scope);
        List<PersonView> found = all(scope, unitsInScope).stream()
                .filter(p -> q.isEmpty() || contains(p.name(), q) || contains(p.login(), q) || contains(p.phone(), q)
                        || contains(p.unitName(), q))
                .toList();
        return new Found(found.stream().limit(SHOWN).toList(), found.size());
    }

    PersonView get(Scope scope, String login) {
        Map<String, Unit> unitsInScope = unitsByKey(scope);
        return member(login).map(m -> view(m, unitsInScope)).filter(p -> inScope(scope, p.role(), p.unit(),
                unitsInScope)).orElseThrow(NotInScope::new);
    }

    /** The Camunda groups the person is in, by their Chinese names. */
    List<String> groups(String login) {
        return accounts.groupNames(login);
    }

    long openTasks(String login) {
        return accounts.assignedTasks(login);
    }

    List<Change> trail(String login) {
        return changes.of(DirectoryChanges.PERSON, login);
    }

    List<RoleChoice> roles(Scope scope) {
        return Roles.ALL.stream().filter(r -> scope.wholeCity() || !GRANTED_BY_ADMIN_ONLY.contains(r))
                .map(r -> new RoleChoice(r, Roles.chineseName(r))).toList();
    }

    /** The units a person may be moved to, within the scope. */
    List<Unit> units(Scope scope) {
        return units.all(scope);
    }

    @Transactional
    void update(Scope scope, String actor, String login, PersonForm form) {
        PersonView old = get(scope, login);
        Member before = member(login).orElseThrow();
        String name = FormValues.trim(form.name());
        if (name == null) {
            throw new DirectoryRefusal("请填写姓名");
        }
        if (name.length() > 64) {
            throw new DirectoryRefusal("姓名不能超过 64 个字");
        }
        String phone = FormValues.trim(form.phone());
        if (phone != null && !FormValues.PHONE.matcher(phone).matches()) {
            throw new DirectoryRefusal("手机「" + phone + "」不是 11 位手机号");
        }
        if (phone != null) {
            jdbc.sql("SELECT name FROM person WHERE phone = ? AND login <> ?").params(phone, login).query(String.class)
                    .optional().ifPresent(other -> {
                        throw new DirectoryRefusal("手机「" + phone + "」已登记给「" + other + "」");
                    });
        }
        String email = FormValues.trim(form.email());
        if (email == null) {
            throw new DirectoryRefusal("请填写邮箱");
        }
        FormValues.checkEmail(email);
        String role = FormValues.trim(form.role());
        if (role == null || !Roles.ALL.contains(role)) {
            throw new DirectoryRefusal("请选择角色");
        }
        if (!scope.wholeCity() && GRANTED_BY_ADMIN_ONLY.contains(role)) {
            throw new DirectoryRefusal("街道办事处不能设置「" + Roles.chineseName(role) + "」角色，请联系管理员");
        }
        Map<String, Unit> unitsInScope = unitsByKey(scope);
        String unitKey = FormValues.trim(form.unit());
        Unit unit = unitKey == null ? null : unitsInScope.get(unitKey);
        if (unitKey != null && unit == null) {
            throw new DirectoryRefusal("所属单位不存在");
        }
        if (unit == null && !scope.wholeCity()) {
            throw new DirectoryRefusal("请选择所属单位");
        }
        if (actor.equals(login) && !role.equals(before.role())) {
            throw new DirectoryRefusal("不能修改自己的角色");
        }
        Member after = new Member(login, name, phone, email, role, unit == null ? null : unit.type(),
                unit == null ? null : unit.code(), before.lead(), before.areaCode(), before.active());
        jdbc.sql("UPDATE person SET name = ?, phone = ?, email = ?, role = ?, unit_type = ?, unit_code = ? "
                        + "WHERE login = ?")
                .params(name, phone, email, role, unit == null ? null : unit.type().name(),
                        unit == null ? null : unit.code(), login).update();
        String subject = DirectoryChanges.PERSON;
        changes.record(subject, login, actor, "姓名", old.name(), name);
        changes.record(subject, login, actor, "手机", old.phone(), phone);
        changes.record(subject, login, actor, "邮箱", old.email(), email);
        changes.record(subject, login, actor, "角色", old.roleName(), Roles.chineseName(role));
        changes.record(subject, login, actor, "所属单位", unitLabel(old.unitType(), old.unitName()),
                unit == null ? null : unitLabel(unit.type(), unit.name()));
        if (before.active()) {
            if (!Objects.equals(before.role(), after.role()) || !Objects.equals(before.unitGroup(), after.unitGroup())) {
                accounts.leave(login, before.role(), before.unitGroup());
            }
            accounts.join(login);
        }
    }

    /** Deactivates a person as the import does; the open tasks they leave behind, for reassignment. */
    @Transactional
    List<OpenTask> deactivate(Scope scope, String actor, String login) {
        PersonView person = get(scope, login);
        if (actor.equals(login)) {
            throw new DirectoryRefusal("不能停用自己的账号");
        }
        if (!person.active()) {
            throw new DirectoryRefusal("「" + person.name() + "」已停用");
        }
        Member before = member(login).orElseThrow();
        jdbc.sql("UPDATE person SET active = FALSE WHERE login = ?").param(login).update();
        changes.record(DirectoryChanges.PERSON, login, actor, "在岗", "在岗", "停用");
        return accounts.deactivate(before);
    }

    /**
     * Reactivates a person: back in the groups of their role and unit. The password stays one nobody knows until an
     * office resets it (重置密码), so the person gets a password they must change at their first login.
     */
    @Transactional
    void reactivate(Scope scope, String actor, String login) {
        PersonView person = get(scope, login);
        if (person.active()) {
            throw new DirectoryRefusal("「" + person.name() + "」在岗，无需恢复");
        }
        jdbc.sql("UPDATE person SET active = TRUE WHERE login = ?").param(login).update();
        changes.record(DirectoryChanges.PERSON, login, actor, "在岗", "停用", "在岗");
        accounts.join(login);
    }

    private static String unitLabel(UnitType type, String name) {
        return type == null ? null : DirectoryWorkbook.SHEETS.get(type) + "「" + name + "」";
    }

    private java.util.Optional<Member> member(String login) {
        return jdbc.sql(Member.SELECT + " WHERE login = ?").param(login).query(Member.class).optional();
    }

    /** The people within the scope, by name. */
    private List<PersonView> all(Scope scope, Map<String, Unit> unitsInScope) {
        List<PersonView> all = new ArrayList<>();
        for (Member m : jdbc.sql(Member.SELECT + " ORDER BY name, login").query(Member.class).list()) {
            if (inScope(scope, m.role(), key(m.unitType(), m.unitCode()), unitsInScope)) {
                all.add(view(m, unitsInScope));
            }
        }
        return all;
    }

    private PersonView view(Member m, Map<String, Unit> unitsInScope) {
        String unitName = null;
        if (m.unitType() != null) {
            Unit unit = unitsInScope.get(key(m.unitType(), m.unitCode()));
            unitName = unit != null ? unit.name() : changes.unitName(m.unitType(), m.unitCode());
        }
        return new PersonView(m.login(), m.name(), m.phone(), m.email(), m.role(), Roles.chineseName(m.role()),
                m.unitType(), m.unitCode(), unitName, m.active());
    }

    /**
     * An administrator manages everyone; a street office the people whose unit lies in its street, unless their
     * role is one it may not give.
     */
    private static boolean inScope(Scope scope, String role, String unit, Map<String, Unit> unitsInScope) {
        return scope.wholeCity() || unit != null && unitsInScope.containsKey(unit)
                && !GRANTED_BY_ADMIN_ONLY.contains(role);
    }

    private Map<String, Unit> unitsByKey(Scope scope) {
        return units.all(scope).stream()
                .collect(Collectors.toMap(Unit::key, Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** A unit as the move form names it: {@code COMMUNITY:C-DL-01}. */
    static String key(UnitType type, String code) {
        return type == null ? null : type.name() + ":" + code;
    }

    private static boolean contains(String value, String q) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(q);
    }
}
