package cn.lianban.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.directory.DirectoryWorkbook.Content;
import cn.lianban.directory.DirectoryWorkbook.PersonRow;
import cn.lianban.directory.DirectoryWorkbook.UnitRow;
import cn.lianban.workbook.ImportFlow;
import cn.lianban.workbook.Workbooks.Problem;

/**
 * The directory import: every row is checked before anything changes ({@link #check}); a file without problems is
 * compared with the database ({@link #plan}) and applied in one transaction ({@link #apply}): units are created
 * or updated (never deleted: cases name them), people are created, updated, or deactivated when they are no
 * longer in the file or marked 在岗 否. The same file applied twice changes nothing the second time.
 * Camunda follows in the same transaction: a new (or re-activated) person gets a random initial password, shown
 * once; a deactivated one loses their groups and gets a password nobody knows; then {@link IdentitySync} adds
 * what is missing.
 */
@Service
class DirectoryImport {

    private static final Map<String, UnitType> UNIT_TYPES = Map.of("街道", UnitType.STREET, "片区", UnitType.AREA,
            "社区", UnitType.COMMUNITY, "网格", UnitType.GRID, "部门", UnitType.DEPT);

    private final Directory directory;
    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final IdentitySync sync;
    private final Accounts accounts;
    private final DirectoryChanges changes;

    DirectoryImport(Directory directory, JdbcTemplate jdbc, IdentityService identity, IdentitySync sync,
                    Accounts accounts, DirectoryChanges changes) {
        this.directory = directory;
        this.jdbc = JdbcClient.create(jdbc);
        this.identity = identity;
        this.sync = sync;
        this.accounts = accounts;
        this.changes = changes;
    }

    /** A person as the database keeps them; unitType in the database's spelling (COMMUNITY …). */
    record Member(String login, String name, String phone, String email, String role, UnitType unitType,
                  String unitCode, boolean lead, String areaCode, boolean active) {
        static final String SELECT = "SELECT login, name, phone, email, role, unit_type, unit_code, unit_lead AS lead, "
                + "area_code, active FROM person";

        String unitGroup() {
            return unitType == null ? null : unitType.group(unitCode);
        }
    }

    /** What applying a file would change (or changed). */
    record Plan(List<UnitRow> newUnits, List<UnitRow> changedUnits, List<Member> newPeople, List<Member> changedPeople,
                List<Member> deactivated) implements ImportFlow.Plan {
        public int created() {
            return newUnits.size() + newPeople.size();
        }

        public int updated() {
            return changedUnits.size() + changedPeople.size();
        }

        @Override
        public boolean unchanged() {
            return created() + updated() + deactivated.size() == 0;
        }
    }

    /** An initial password, shown once on the result page. */
    record Password(String login, String name, String password) {
    }

    /** An open task of a deactivated person, or of their unit when nobody active is left in it. */
    record OpenTask(String person, String task, String holder, String created, String id) {
    }

    /** What an applied import did. */
    record Result(Plan plan, List<Password> passwords, List<OpenTask> openTasks) {
    }

    // ---- export -----------------------------------------------------------------------------------------------

    List<UnitRow> units() {
        List<UnitRow> units = new ArrayList<>();
        directory.streets().forEach(s -> units.add(new UnitRow(UnitType.STREET, 0, s.code(), s.name(), null, null,
                s.lat(), s.lon(), s.email())));
        directory.areas().forEach(a -> units.add(new UnitRow(UnitType.AREA, 0, a.code(), a.name(), a.streetCode(),
                a.areaType(), a.lat(), a.lon(), a.email())));
        directory.communities().forEach(c -> units.add(new UnitRow(UnitType.COMMUNITY, 0, c.code(), c.name(),
                c.areaCode(), null, c.lat(), c.lon(), c.email())));
        directory.grids().forEach(g -> units.add(new UnitRow(UnitType.GRID, 0, g.code(), g.name(), g.communityCode(),
                null, g.lat(), g.lon(), null)));
        directory.departments().forEach(d -> units.add(new UnitRow(UnitType.DEPT, 0, d.code(), d.name(), null, null,
                null, null, d.email())));
        return units;
    }

    List<Member> members() {
        return jdbc.sql(Member.SELECT + " ORDER BY login").query(Member.class).list();
    }

    /** The people as the 人员 sheet shows them: roles and unit kinds in Chinese. */
    List<PersonRow> peopleRows() {
        Map<UnitType, String> unitNames = new HashMap<>();
        UNIT_TYPES.forEach((k, v) -> unitNames.put(v, k));
        return members().stream().map(m -> new PersonRow(0, m.login(), m.name(), m.phone(), m.email(),
                Roles.chineseName(m.role()), unitNames.get(m.unitType()), m.unitCode(), m.lead() ? "是" : null,
                m.areaCode(), m.active() ? "是" : "否")).toList();
    }

    // ---- check ------------------------------------------------------------------------------------------------

    /**
     * Every problem of every row, in sheet order; empty when the file may be applied. {@code admin} is the login
     * importing it, who must stay active (else the import would lock its own author out).
     */
    List<Problem> check(Content content, String admin) {
        List<Problem> problems = new ArrayList<>(content.problems());
        Map<UnitType, Set<String>> known = new HashMap<>();
        for (UnitRow u : units()) {
            known.computeIfAbsent(u.type(), t -> new HashSet<>()).add(u.code());
        }
        Map<UnitType, Map<String, Integer>> inFile = new HashMap<>();
        for (UnitType type : DirectoryWorkbook.ORDER) {
            inFile.put(type, new HashMap<>());
        }
        Set<String> areaTypes = new HashSet<>(jdbc.sql("SELECT code FROM area_type").query(String.class).set());
        DemoDirectoryGenerator.areaTypes().forEach(t -> areaTypes.add(t.code()));
        for (UnitRow u : content.units()) {
            String sheet = DirectoryWorkbook.SHEETS.get(u.type());
            List<DirectoryWorkbook.Col> cols = DirectoryWorkbook.columns(u.type());
            Problems p = new Problems(problems, sheet, u.row());
            p.required(u.code(), "编码");
            p.required(u.name(), "名称");
            if (cols.contains(DirectoryWorkbook.Col.LAT)) {
                p.required(u.lat(), "纬度");
                p.required(u.lon(), "经度");
            }
            if (u.type() == UnitType.DEPT) {
                p.required(u.email(), "邮箱");
            }
            if (u.code() != null) {
                Integer first = inFile.get(u.type()).putIfAbsent(u.code(), u.row());
                if (first != null) {
                    p.add("编码「" + u.code() + "」与第 " + first + " 行重复");
                }
            }
        }
        for (UnitRow u : content.units()) {
            UnitType parentType = u.type().parent();
            if (parentType == null) {
                continue;
            }
            Problems p = new Problems(problems, DirectoryWorkbook.SHEETS.get(u.type()), u.row());
            String parentName = DirectoryWorkbook.SHEETS.get(parentType);
            if (u.parent() == null) {
                p.add("缺少必填项「" + DirectoryWorkbook.header(u.type(), DirectoryWorkbook.Col.PARENT) + "」");
            } else if (!exists(parentType, u.parent(), known, inFile)) {
                p.add("所属" + parentName + "「" + u.parent() + "」不存在（文件和系统中都没有这个" + parentName + "编码）");
            }
            if (u.type() == UnitType.AREA) {
                if (u.areaType() == null) {
                    p.add("缺少必填项「片区类型」");
                } else if (!areaTypes.contains(u.areaType())) {
                    p.add("片区类型「" + u.areaType() + "」不存在，可用：" + String.join("、", new java.util.TreeSet<>(areaTypes)));
                }
            }
        }
        Map<String, Integer> logins = new HashMap<>();
        Map<String, Integer> phones = new HashMap<>();
        boolean adminStays = false;
        for (PersonRow r : content.people()) {
            Problems p = new Problems(problems, DirectoryWorkbook.PEOPLE, r.row());
            p.required(r.login(), "登录名");
            p.required(r.name(), "姓名");
            p.required(r.email(), "邮箱");
            p.required(r.role(), "角色");
            if (r.login() != null) {
                Integer first = logins.putIfAbsent(r.login(), r.row());
                if (first != null) {
                    p.add("登录名「" + r.login() + "」与第 " + first + " 行重复");
                }
            }
            if (r.phone() != null) {
                if (!FormValues.PHONE.matcher(r.phone()).matches()) {
                    p.add("手机「" + r.phone() + "」不是 11 位手机号");
                }
                Integer first = phones.putIfAbsent(r.phone(), r.row());
                if (first != null) {
                    p.add("手机「" + r.phone() + "」与第 " + first + " 行重复");
                }
            }
            if (r.role() != null && role(r.role()) == null) {
                p.add("角色「" + r.role() + "」不存在，可用：" + String.join("、",
                        Roles.ALL.stream().map(Roles::chineseName).toList()));
            }
            UnitType type = r.unitType() == null ? null : UNIT_TYPES.get(r.unitType());
            if (r.unitType() != null && type == null) {
                p.add("单位类型「" + r.unitType() + "」应为 街道、片区、社区、网格 或 部门");
            } else if (type != null && r.unitCode() == null) {
                p.add("缺少必填项「所属单位编码」");
            } else if (type == null && r.unitCode() != null) {
                p.add("填写了所属单位编码「" + r.unitCode() + "」但没有填写单位类型");
            } else if (type != null && !exists(type, r.unitCode(), known, inFile)) {
                p.add("所属单位「" + r.unitCode() + "」不存在（文件和系统中都没有这个" + r.unitType() + "编码）");
            }
            if (r.areaCode() != null && !exists(UnitType.AREA, r.areaCode(), known, inFile)) {
                p.add("代表所属片区「" + r.areaCode() + "」不存在");
            }
            if (r.lead() != null && !"是".equals(r.lead())) {
                p.add("「分管负责人」应填 是 或留空");
            }
            if (r.active() != null && !"是".equals(r.active()) && !"否".equals(r.active())) {
                p.add("「在岗」应填 是 或 否");
            }
            if (Objects.equals(admin, r.login()) && !"否".equals(r.active())) {
                adminStays = true;
            }
        }
        // an admin kept in Camunda only (CAMUNDA_BPM_ADMIN_USER_ID) is no directory person and cannot be dropped
        boolean adminListed = admin != null && jdbc.sql("SELECT COUNT(*) FROM person WHERE login = ? AND active")
                .param(admin).query(Integer.class).single() > 0;
        if (adminListed && !adminStays && content.problems().stream().noneMatch(x -> x.row() == 0)) {
            problems.add(new Problem(DirectoryWorkbook.PEOPLE, 0, "文件中没有在岗的当前管理员「" + admin
                    + "」：导入后您将无法登录，请把自己保留在人员表中"));
        }
        return problems;
    }

    private static boolean exists(UnitType type, String code, Map<UnitType, Set<String>> known,
                                  Map<UnitType, Map<String, Integer>> inFile) {
        return known.getOrDefault(type, Set.of()).contains(code) || inFile.get(type).containsKey(code);
    }

    /** The role code for a cell: the code itself or its Chinese name; null when neither. */
    private static String role(String cell) {
        return Roles.ALL.stream().filter(r -> r.equals(cell) || Roles.chineseName(r).equals(cell)).findFirst()
                .orElse(null);
    }

    /** Collects the problems of one row. */
    private record Problems(List<Problem> all, String sheet, int row) {
        void add(String message) {
            all.add(new Problem(sheet, row, message));
        }

        void required(Object value, String header) {
            if (value == null) {
                add("缺少必填项「" + header + "」");
            }
        }
    }

    // ---- plan and apply ---------------------------------------------------------------------------------------

    /** What applying a checked file would change. */
    Plan plan(Content content) {
        Map<String, UnitRow> current = new HashMap<>();
        units().forEach(u -> current.put(u.type() + ":" + u.code(), u));
        List<UnitRow> newUnits = new ArrayList<>();
        List<UnitRow> changedUnits = new ArrayList<>();
        for (UnitRow u : content.units()) {
            UnitRow old = current.get(u.type() + ":" + u.code());
            if (old == null) {
                newUnits.add(u);
            } else if (!sameUnit(old, u)) {
                changedUnits.add(u);
            }
        }
        Map<String, Member> members = new LinkedHashMap<>();
        members().forEach(m -> members.put(m.login(), m));
        List<Member> newPeople = new ArrayList<>();
        List<Member> changedPeople = new ArrayList<>();
        List<Member> deactivated = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (PersonRow r : content.people()) {
            Member wanted = member(r);
            listed.add(wanted.login());
            Member old = members.get(wanted.login());
            if (old == null) {
                newPeople.add(wanted);
            } else if (old.active() && !wanted.active()) {
                deactivated.add(wanted);
            } else if (!old.equals(wanted)) {
                changedPeople.add(wanted);
            }
        }
        members.values().stream().filter(m -> m.active() && !listed.contains(m.login()))
                .map(m -> new Member(m.login(), m.name(), m.phone(), m.email(), m.role(), m.unitType(), m.unitCode(),
                        m.lead(), m.areaCode(), false))
                .forEach(deactivated::add);
        return new Plan(newUnits, changedUnits, newPeople, changedPeople, deactivated);
    }

    private static boolean sameUnit(UnitRow a, UnitRow b) {
        return Objects.equals(a.name(), b.name()) && Objects.equals(a.parent(), b.parent())
                && Objects.equals(a.areaType(), b.areaType()) && Objects.equals(a.lat(), b.lat())
                && Objects.equals(a.lon(), b.lon()) && Objects.equals(a.email(), b.email());
    }

    private static Member member(PersonRow r) {
        return new Member(r.login(), r.name(), r.phone(), r.email(), role(r.role()),
                r.unitType() == null ? null : UNIT_TYPES.get(r.unitType()), r.unitCode(), "是".equals(r.lead()),
                r.areaCode(), !"否".equals(r.active()));
    }

    /**
     * Applies a file that {@link #check} passed, in one transaction with Camunda's identity. Checks again first:
     * the database may have changed since the report; a file with problems changes nothing.
     */
    @Transactional
    Result apply(Content content, String admin) {
        if (!check(content, admin).isEmpty()) {
            throw new IllegalStateException("目录文件未通过检查");
        }
        Plan plan = plan(content);
        Map<String, Member> before = new HashMap<>();
        members().forEach(m -> before.put(m.login(), m));
        Map<String, UnitRow> unitsBefore = new HashMap<>();
        units().forEach(u -> unitsBefore.put(u.type() + ":" + u.code(), u));
        // a fresh database (no demo) has no area types yet: the standard ones a file uses are added first
        Set<String> areaTypes = jdbc.sql("SELECT code FROM area_type").query(String.class).set();
        DemoDirectoryGenerator.areaTypes().stream().filter(t -> !areaTypes.contains(t.code()))
                .filter(t -> content.units().stream().anyMatch(u -> t.code().equals(u.areaType())))
                .forEach(t -> jdbc.sql("INSERT INTO area_type(code, name, description) VALUES (?,?,?)")
                        .params(t.code(), t.name(), t.description()).update());
        for (UnitType type : DirectoryWorkbook.ORDER) {
            for (UnitRow u : plan.newUnits()) {
                if (u.type() == type) {
                    insert(u);
                    changes.record(u.type().name(), u.code(), admin, "导入新建", null, changes.describe(u));
                }
            }
            for (UnitRow u : plan.changedUnits()) {
                if (u.type() == type) {
                    String old = changes.describe(unitsBefore.get(u.type() + ":" + u.code()));
                    update(u);
                    changes.record(u.type().name(), u.code(), admin, "导入更新", old, changes.describe(u));
                }
            }
        }
        List<Password> passwords = new ArrayList<>();
        for (Member m : plan.newPeople()) {
            jdbc.sql("INSERT INTO person(login, name, phone, email, role, unit_type, unit_code, unit_lead, area_code, "
                    + "active) VALUES (?,?,?,?,?,?,?,?,?,?)").params(values(m)).update();
            changes.record(DirectoryChanges.PERSON, m.login(), admin, "导入新建", null, changes.describe(m));
            // a login that Camunda already knows (made in Camunda Admin) keeps its password
            if (m.active() && identity.createUserQuery().userId(m.login()).count() == 0) {
                passwords.add(accounts.newPassword(m));
            }
        }
        for (Member m : plan.changedPeople()) {
            update(m);
            Member old = before.get(m.login());
            changes.record(DirectoryChanges.PERSON, m.login(), admin, "导入更新", changes.describe(old),
                    changes.describe(m));
            if (!old.active()) {
                passwords.add(accounts.newPassword(m));
            } else {
                // moved or given another role: the old groups go, IdentitySync adds the new ones
                accounts.leave(m.login(), old.role(), old.unitGroup());
            }
        }
        List<OpenTask> open = new ArrayList<>();
        for (Member m : plan.deactivated()) {
            update(m);
            Member old = before.get(m.login());
            changes.record(DirectoryChanges.PERSON, m.login(), admin, "导入停用", "在岗", "停用");
            open.addAll(accounts.deactivate(old != null ? old : m));
        }
        sync.sync();
        return new Result(plan, passwords, open);
    }

    void insert(UnitRow u) {
        switch (u.type()) {
            case STREET -> jdbc.sql("INSERT INTO street(code, name, lat, lon, email) VALUES (?,?,?,?,?)")
                    .params(u.code(), u.name(), u.lat(), u.lon(), u.email()).update();
            case AREA -> jdbc.sql("INSERT INTO area(code, name, street_code, area_type, lat, lon, email) "
                    + "VALUES (?,?,?,?,?,?,?)")
                    .params(u.code(), u.name(), u.parent(), u.areaType(), u.lat(), u.lon(), u.email()).update();
            case COMMUNITY -> jdbc.sql("INSERT INTO community(code, name, area_code, lat, lon, email) "
                    + "VALUES (?,?,?,?,?,?)").params(u.code(), u.name(), u.parent(), u.lat(), u.lon(), u.email())
                    .update();
            case GRID -> jdbc.sql("INSERT INTO grid(code, name, community_code, lat, lon) VALUES (?,?,?,?,?)")
                    .params(u.code(), u.name(), u.parent(), u.lat(), u.lon()).update();
            case DEPT -> jdbc.sql("INSERT INTO department(code, name, email) VALUES (?,?,?)")
                    .params(u.code(), u.name(), u.email()).update();
        }
    }

    void update(UnitRow u) {
        switch (u.type()) {
            case STREET -> jdbc.sql("UPDATE street SET name = ?, lat = ?, lon = ?, email = ? WHERE code = ?")
                    .params(u.name(), u.lat(), u.lon(), u.email(), u.code()).update();
            case AREA -> jdbc.sql("UPDATE area SET name = ?, street_code = ?, area_type = ?, lat = ?, lon = ?, "
                    + "email = ? WHERE code = ?")
                    .params(u.name(), u.parent(), u.areaType(), u.lat(), u.lon(), u.email(), u.code()).update();
            case COMMUNITY -> jdbc.sql("UPDATE community SET name = ?, area_code = ?, lat = ?, lon = ?, email = ? "
                    + "WHERE code = ?").params(u.name(), u.parent(), u.lat(), u.lon(), u.email(), u.code()).update();
            case GRID -> jdbc.sql("UPDATE grid SET name = ?, community_code = ?, lat = ?, lon = ? WHERE code = ?")
                    .params(u.name(), u.parent(), u.lat(), u.lon(), u.code()).update();
            case DEPT -> jdbc.sql("UPDATE department SET name = ?, email = ? WHERE code = ?")
                    .params(u.name(), u.email(), u.code()).update();
        }
    }

    private void update(Member m) {
        Object[] v = values(m);
        Object[] args = new Object[v.length];
        System.arraycopy(v, 1, args, 0, v.length - 1);
        args[v.length - 1] = m.login();
        jdbc.sql("UPDATE person SET name = ?, phone = ?, email = ?, role = ?, unit_type = ?, unit_code = ?, "
                + "unit_lead = ?, area_code = ?, active = ? WHERE login = ?").params(args).update();
    }

    private static Object[] values(Member m) {
        return new Object[]{m.login(), m.name(), m.phone(), m.email(), m.role(),
                m.unitType() == null ? null : m.unitType().name(), m.unitCode(), m.lead(), m.areaCode(), m.active()};
    }
}
