package cn.lianban.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.AdminScope.Scope;
import cn.lianban.directory.DirectoryImport.OpenTask;
import cn.lianban.directory.PersonAdmin.PersonForm;
import cn.lianban.directory.UnitAdmin.UnitForm;
import cn.lianban.support.DirectoryFiles;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;

/**
 * 单位管理 and 人员管理 on the shared demo context: a person of their own (imp-mover, a secretary of C-DL-01 in the
 * street office's street S-DL) and units of their own (codes T-…), removed after each test; demo units that a
 * test renames are renamed back.
 */
@LianbanTest
class DirectoryAdminTest {

    @Autowired
    UnitAdmin units;
    @Autowired
    PersonAdmin people;
    @Autowired
    AdminScope scopes;
    @Autowired
    IdentitySync sync;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    Scope admin;
    Scope street;

    @BeforeEach
    void aPersonOfTheirOwn() {
        admin = scopes.required("admin");
        street = scopes.required("street");
        jdbc.update("INSERT INTO person(login, name, email, role, unit_type, unit_code, password, phone) "
                + "VALUES ('imp-mover', '调动书记', 'imp-mover@test.cn', 'community-secretary', 'COMMUNITY', 'C-DL-01', "
                + "'demo', '13900000031')");
        sync.syncPerson("imp-mover");
    }

    @AfterEach
    void removeWhatTheTestMade() {
        jdbc.update("DELETE FROM directory_change WHERE subject_code IN ('C-DL-02', 'imp-mover')");
        DirectoryFiles.removeTestStreet(jdbc, identity, tasks);
    }

    @Test
    void aStreetOfficeMovesAPersonAndTheGroupsFollowAtOnce() {
        assertThat(groupsOf("imp-mover")).containsExactlyInAnyOrder("community-secretary", "community:C-DL-01");
        people.update(street, "street", "imp-mover", new PersonForm("调动书记", "13900000031", "imp-mover@test.cn",
                "community-secretary", "COMMUNITY:C-DL-02"));
        assertThat(groupsOf("imp-mover")).containsExactlyInAnyOrder("community-secretary", "community:C-DL-02");
        assertThat(jdbc.queryForObject("SELECT unit_code FROM person WHERE login = 'imp-mover'", String.class))
                .isEqualTo("C-DL-02");

        // a new role: the role group changes with it; a grid of the street as the unit
        String grid = jdbc.queryForObject("SELECT MIN(code) FROM grid WHERE community_code = 'C-DL-02'", String.class);
        people.update(street, "street", "imp-mover", new PersonForm("调动网格员", "13900000031", "imp-mover@test.cn",
                "grid-worker", "GRID:" + grid));
        assertThat(groupsOf("imp-mover")).containsExactlyInAnyOrder("grid-worker", "grid:" + grid);
        assertThat(identity.createUserQuery().userId("imp-mover").singleResult().getFirstName()).isEqualTo("调动网格员");

        List<DirectoryChanges.Change> trail = people.trail("imp-mover");
        assertThat(trail).extracting(DirectoryChanges.Change::what).contains("所属单位", "角色", "姓名");
        DirectoryChanges.Change moved = trail.stream().filter(c -> c.what().equals("所属单位")).reduce((a, b) -> b)
                .orElseThrow();
        String nameOfA = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-01'", String.class);
        String nameOfB = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-02'", String.class);
        assertThat(moved.before()).isEqualTo("社区「" + nameOfA + "」");
        assertThat(moved.after()).isEqualTo("社区「" + nameOfB + "」");
        assertThat(moved.who()).isNotEqualTo("street").doesNotContainPattern("[A-Za-z]");
        assertThat(moved.when()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
    }

    @Test
    void aPersonIsDeactivatedAsTheImportDoesAndReactivated() {
        Task task = tasks.newTask();
        task.setName("导入测试待办");
        task.setAssignee("imp-mover");
        tasks.saveTask(task);
        assertThat(people.openTasks("imp-mover")).isEqualTo(1);

        List<OpenTask> open = people.deactivate(street, "street", "imp-mover");
        assertThat(open).extracting(OpenTask::task).containsExactly("导入测试待办");
        assertThat(jdbc.queryForObject("SELECT active FROM person WHERE login = 'imp-mover'", Boolean.class)).isFalse();
        assertThat(groupsOf("imp-mover")).isEmpty();
        assertThat(identity.checkPassword("imp-mover", "demo")).isFalse();
        assertThatThrownBy(() -> people.deactivate(street, "street", "imp-mover"))
                .isInstanceOf(DirectoryRefusal.class).hasMessageContaining("已停用");

        people.reactivate(street, "street", "imp-mover");
        assertThat(jdbc.queryForObject("SELECT active FROM person WHERE login = 'imp-mover'", Boolean.class)).isTrue();
        assertThat(groupsOf("imp-mover")).containsExactlyInAnyOrder("community-secretary", "community:C-DL-01");
        assertThat(people.trail("imp-mover")).extracting(c -> c.before() + "→" + c.after())
                .containsExactly("停用→在岗", "在岗→停用");
    }

    @Test
    void refusalsChangeNothing() {
        PersonForm ok = new PersonForm("调动书记", "13900000031", "imp-mover@test.cn", "community-secretary",
                "COMMUNITY:C-DL-01");
        assertRefused(() -> people.update(street, "street", "imp-mover", new PersonForm(" ", ok.phone(), ok.email(),
                ok.role(), ok.unit())), "请填写姓名");
        assertRefused(() -> people.update(street, "street", "imp-mover", new PersonForm(ok.name(), "12345",
                ok.email(), ok.role(), ok.unit())), "不是 11 位手机号");
        assertRefused(() -> people.update(street, "street", "imp-mover", new PersonForm(ok.name(), ok.phone(),
                ok.email(), ok.role(), "COMMUNITY:C-NOPE")), "所属单位不存在");
        assertRefused(() -> people.update(street, "street", "imp-mover", new PersonForm(ok.name(), ok.phone(),
                ok.email(), ok.role(), "COMMUNITY:C-XJ-01")), "所属单位不存在");
        // a street office gives no role above its reach
        for (String role : List.of(Roles.ADMIN, Roles.CITY_CENTER, Roles.DEPARTMENT)) {
            assertRefused(() -> people.update(street, "street", "imp-mover", new PersonForm(ok.name(), ok.phone(),
                    ok.email(), role, ok.unit())), "街道办事处不能设置「" + Roles.chineseName(role) + "」角色");
        }
        assertThat(people.roles(street)).extracting(PersonAdmin.RoleChoice::code)
                .doesNotContain(Roles.ADMIN, Roles.CITY_CENTER, Roles.DEPARTMENT).contains(Roles.GRID_WORKER);
        assertThat(groupsOf("imp-mover")).containsExactlyInAnyOrder("community-secretary", "community:C-DL-01");

        String area = jdbc.queryForObject("SELECT area_code FROM community WHERE code = 'C-DL-01'", String.class);
        assertRefused(() -> units.update(street, "street", UnitType.COMMUNITY, "C-DL-01",
                new UnitForm(null, "", area, null, 38.5, 106.2)), "请填写名称");
        assertRefused(() -> units.update(street, "street", UnitType.COMMUNITY, "C-DL-01",
                new UnitForm(null, "改名社区", "A-NOPE", null, 38.5, 106.2)), "所属片区「A-NOPE」不存在");
        assertRefused(() -> units.update(street, "street", UnitType.COMMUNITY, "C-DL-01",
                new UnitForm(null, "改名社区", "A-XJ-3", null, 38.5, 106.2)), "所属片区「A-XJ-3」不存在");
        assertRefused(() -> units.create(admin, "admin", UnitType.COMMUNITY,
                new UnitForm("C-DL-02", "重复社区", area, null, null, null)), "编码「C-DL-02」已被社区");
        assertRefused(() -> units.create(admin, "admin", UnitType.COMMUNITY,
                new UnitForm("T-社区", "坏编码社区", area, null, null, null)), "编码只能由字母");
        assertRefused(() -> units.create(street, "street", UnitType.STREET,
                new UnitForm("T-S2", "新街道", null, null, 38.5, 106.2)), "只能新建社区或网格");
        assertRefused(() -> units.create(admin, "admin", UnitType.DEPT,
                new UnitForm("T-D2", "新部门", null, "d@test.cn", null, null)), "只能新建社区或网格");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE code LIKE 'T-%'", Integer.class)).isZero();
    }

    @Test
    void unitsAreEditedAndCreatedAndTheirGroupsFollow() {
        Scope scope = street;
        UnitAdmin.Unit before = units.get(scope, UnitType.COMMUNITY, "C-DL-02");
        String otherArea = units.parents(scope, UnitType.COMMUNITY).stream().map(UnitAdmin.Unit::code)
                .filter(a -> !a.equals(before.parent())).findFirst().orElseThrow();
        try {
            units.update(scope, "street", UnitType.COMMUNITY, "C-DL-02",
                    new UnitForm(null, "改名社区", otherArea, "t@test.cn", 38.51, 106.21));
            assertThat(identity.createGroupQuery().groupId("community:C-DL-02").singleResult().getName())
                    .isEqualTo("改名社区");
            UnitAdmin.Unit after = units.get(scope, UnitType.COMMUNITY, "C-DL-02");
            assertThat(after.parent()).isEqualTo(otherArea);
            assertThat(after.email()).isEqualTo("t@test.cn");
            assertThat(units.trail(UnitType.COMMUNITY, "C-DL-02")).extracting(DirectoryChanges.Change::what)
                    .containsExactlyInAnyOrder("名称", "所属片区", "邮箱", "位置");
        } finally {
            units.update(admin, "admin", UnitType.COMMUNITY, "C-DL-02", new UnitForm(null, before.name(),
                    before.parent(), before.email(), before.lat(), before.lon()));
        }
        assertThat(identity.createGroupQuery().groupId("community:C-DL-02").singleResult().getName())
                .isEqualTo(before.name());

        UnitAdmin.Unit community = units.create(scope, "street", UnitType.COMMUNITY,
                new UnitForm("T-NEW-C", "新建社区", before.parent(), null, null, null));
        assertThat(community.lat()).as("where its area is").isNotNull();
        units.create(scope, "street", UnitType.GRID, new UnitForm("T-NEW-G", "新建社区第一网格", "T-NEW-C", null, null,
                null));
        assertThat(identity.createGroupQuery().groupId("community:T-NEW-C").singleResult().getName()).isEqualTo("新建社区");
        assertThat(identity.createGroupQuery().groupId("grid:T-NEW-G").singleResult().getName())
                .isEqualTo("新建社区第一网格");
        assertThat(units.trail(UnitType.GRID, "T-NEW-G")).extracting(DirectoryChanges.Change::after)
                .containsExactly("新建社区第一网格，所属社区「新建社区」");
        assertThat(scopes.of("street").orElseThrow().communities()).contains("T-NEW-C");
    }

    @Test
    void aStreetOfficeSeesItsOwnStreetOnly() {
        assertThat(units.search(street, null, null).units()).extracting(UnitAdmin.Unit::street).containsOnly("S-DL");
        assertThat(units.search(street, "C-XJ", null).units()).isEmpty();
        assertThat(units.search(street, null, UnitType.STREET).units()).isEmpty();
        assertThat(units.search(admin, "C-XJ-01", null).units()).hasSize(1);
        assertThat(people.search(street, null).people()).extracting(PersonAdmin.PersonView::login)
                .contains("imp-mover", "secretary", "gridworker", "committee")
                .doesNotContain("secretary2", "admin", "center", "housing", "street");
        assertThat(people.search(street, "调动").people()).extracting(PersonAdmin.PersonView::login)
                .containsExactly("imp-mover");
        assertThat(people.search(street, "13900000031").people()).hasSize(1);
        assertThat(people.search(admin, null).people()).extracting(PersonAdmin.PersonView::login)
                .contains("secretary2", "admin", "housing");
        assertThatThrownBy(() -> people.get(street, "secretary2")).isInstanceOf(NotInScope.class);
        assertThatThrownBy(() -> units.get(street, UnitType.COMMUNITY, "C-XJ-01")).isInstanceOf(NotInScope.class);
        assertThatThrownBy(() -> people.update(street, "street", "secretary2", new PersonForm("某人", null,
                "x@test.cn", "community-secretary", "COMMUNITY:C-DL-01"))).isInstanceOf(NotInScope.class);
    }

    @Test
    void thePagesAnswer404OutsideTheStreetAnd403ToOtherRoles() {
        PageSession office = new PageSession(rest, "street");
        assertThat(office.get("/admin/units").getBody()).contains("单位管理", "东莱");
        ResponseEntity<String> own = office.get("/admin/people/imp-mover");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).contains("调动书记", "重置密码", "/admin/people/imp-mover/password", "name=\"_csrf\"",
                "变更记录", "待办任务");
        assertThat(office.get("/admin/people/secretary2").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(office.get("/admin/people/nobody").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(office.get("/admin/units/community/C-XJ-01").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(office.get("/admin/units/street/S-DL").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(office.get("/admin/units/dept/housing").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        office.get("/admin/people/imp-mover");
        assertThat(office.post("/admin/people/secretary2/deactivate", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(office.get("/admin/directory").getStatusCode()).as("the import stays the admin's")
                .isEqualTo(HttpStatus.FORBIDDEN);

        office.get("/admin/people/imp-mover");
        ResponseEntity<String> refused = office.post("/admin/people/imp-mover", Map.of("name", List.of("调动书记"),
                "email", List.of("imp-mover@test.cn"), "role", List.of("camunda-admin"),
                "unit", List.of("COMMUNITY:C-DL-01")));
        assertThat(refused.getBody()).contains("街道办事处不能设置「管理员」角色");
        assertThat(groupsOf("imp-mover")).doesNotContain("camunda-admin");

        // the street office holds no Camunda rights on users and groups: the move is the directory's to make
        ResponseEntity<String> moved = office.post("/admin/people/imp-mover", Map.of("name", List.of("调动书记"),
                "email", List.of("imp-mover@test.cn"), "role", List.of("community-secretary"),
                "unit", List.of("COMMUNITY:C-DL-02")));
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).contains("已保存", "变更记录", "所属单位");
        assertThat(groupsOf("imp-mover")).containsExactlyInAnyOrder("community-secretary", "community:C-DL-02");
        ResponseEntity<String> left = office.post("/admin/people/imp-mover/deactivate", Map.of());
        assertThat(left.getBody()).contains("已停用", "停用人员的待办");
        assertThat(groupsOf("imp-mover")).isEmpty();

        for (String user : List.of("secretary", "center", "housing", "committee")) {
            PageSession other = new PageSession(rest, user);
            assertThat(other.get("/admin/units").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(other.get("/admin/people").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(other.get("/admin/people/imp-mover").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(new PageSession(rest, "admin").get("/admin/people/secretary2").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private static void assertRefused(Runnable change, String message) {
        assertThatThrownBy(change::run).isInstanceOf(DirectoryRefusal.class).hasMessageContaining(message);
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }
}
