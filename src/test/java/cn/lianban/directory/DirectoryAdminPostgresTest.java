package cn.lianban.directory;

import static cn.lianban.support.DirectoryFiles.person;
import static cn.lianban.support.DirectoryFiles.withTestStreet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.directory.AdminScope.Scope;
import cn.lianban.directory.PersonAdmin.PersonForm;
import cn.lianban.directory.UnitAdmin.UnitForm;
import cn.lianban.support.Postgres;

/**
 * 单位管理 and 人员管理 on PostgreSQL 17 (V75's trail, the updates and the scope's joins), without Spring: a test
 * street is imported (the import writes the trail too), then a grid is added, a person moved with their groups,
 * deactivated and reactivated, each change read back from the trail.
 */
class DirectoryAdminPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    static ProcessEngine engine;
    static JdbcTemplate jdbc;
    static DirectoryImport imports;
    static UnitAdmin units;
    static PersonAdmin people;

    @BeforeAll
    static void setUp() {
        engine = DirectoryImportPostgresTest.migratedWithEngine(postgres, "directory-admin-pg");
        jdbc = new JdbcTemplate(postgres.database());
        IdentityService identity = engine.getIdentityService();
        Directory directory = new Directory(jdbc);
        IdentitySync sync = new IdentitySync(identity, directory);
        Accounts accounts = new Accounts(identity, engine.getTaskService(), directory, jdbc, sync,
                new Passwords(identity));
        DirectoryChanges changes = new DirectoryChanges(jdbc, directory, Clock.systemUTC());
        imports = new DirectoryImport(directory, jdbc, identity, sync, accounts, changes);
        units = new UnitAdmin(directory, imports, accounts, changes);
        people = new PersonAdmin(jdbc, units, accounts, changes);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void unitsAndPeopleAreManagedOnPostgres() throws IOException {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        DirectoryWorkbook.write(imports.units(), imports.peopleRows(), export);
        imports.apply(DirectoryWorkbook.read(new ByteArrayInputStream(withTestStreet(export.toByteArray(),
                List.<Object[]>of(person("imp-pga", "库中书记", "13900000051", "社区书记", "社区", "T-C"))))), "admin");
        assertThat(people.trail("imp-pga")).extracting(DirectoryChanges.Change::what).containsExactly("导入新建");
        assertThat(units.trail(UnitType.COMMUNITY, "T-C")).extracting(DirectoryChanges.Change::after)
                .containsExactly("测试社区，所属片区「测试片区」");

        Scope city = new Scope(null, java.util.Set.of());
        Scope street = new Scope("T-S", java.util.Set.of("T-C"));
        units.create(street, "admin", UnitType.GRID, new UnitForm("T-G2", "测试第二网格", "T-C", null, null, null));
        assertThat(units.search(street, "测试", UnitType.GRID).units()).extracting(UnitAdmin.Unit::code)
                .containsExactlyInAnyOrder("T-G", "T-G2");
        units.update(city, "admin", UnitType.COMMUNITY, "T-C", new UnitForm(null, "改名社区", "T-A", null, 38.5, 106.2));
        assertThat(groupName("community:T-C")).isEqualTo("改名社区");

        people.update(street, "admin", "imp-pga", new PersonForm("库中网格员", "13900000051", "imp-pga@test.cn",
                "grid-worker", "GRID:T-G2"));
        assertThat(groupsOf("imp-pga")).containsExactlyInAnyOrder("grid-worker", "grid:T-G2");
        assertThat(people.search(street, "库中").people()).extracting(PersonAdmin.PersonView::unitName)
                .containsExactly("测试第二网格");

        people.deactivate(street, "admin", "imp-pga");
        assertThat(groupsOf("imp-pga")).isEmpty();
        people.reactivate(street, "admin", "imp-pga");
        assertThat(groupsOf("imp-pga")).containsExactlyInAnyOrder("grid-worker", "grid:T-G2");
        assertThat(people.trail("imp-pga")).extracting(DirectoryChanges.Change::what)
                .containsExactly("在岗", "在岗", "所属单位", "角色", "姓名", "导入新建");
        assertThat(people.trail("imp-pga").get(2).after()).isEqualTo("网格「测试第二网格」");
    }

    private static String groupName(String id) {
        return engine.getIdentityService().createGroupQuery().groupId(id).singleResult().getName();
    }

    private static List<String> groupsOf(String user) {
        return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
                .toList();
    }
}
