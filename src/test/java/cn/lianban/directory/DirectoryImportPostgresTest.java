package cn.lianban.directory;

import static cn.lianban.support.DirectoryFiles.person;
import static cn.lianban.support.DirectoryFiles.withTestStreet;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.DirectoryFiles;
import cn.lianban.support.Postgres;
import cn.lianban.workbook.Workbooks;

/**
 * The directory import's SQL and its Camunda side on PostgreSQL 17 (V71, the person columns, the upserts), as in
 * production without demo data: an empty directory (no area types either), a file that adds a street and two
 * people, the same file again, a file that drops one of them. A process engine of its own on the same database,
 * without Spring.
 */
class DirectoryImportPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    static ProcessEngine engine;
    static JdbcTemplate jdbc;
    static DirectoryImport imports;

    @BeforeAll
    static void setUp() {
        engine = migratedWithEngine(postgres, "directory-import-pg");
        jdbc = new JdbcTemplate(postgres.database());
        Directory directory = new Directory(jdbc);
        IdentitySync sync = new IdentitySync(engine.getIdentityService(), directory);
        Accounts accounts = new Accounts(engine.getIdentityService(), engine.getTaskService(), directory, jdbc,
                sync, new Passwords(engine.getIdentityService()));
        imports = new DirectoryImport(directory, jdbc, engine.getIdentityService(), sync, accounts,
                new DirectoryChanges(jdbc, directory, java.time.Clock.systemUTC()));
    }

    /** The project's tables (Flyway) and a process engine of its own on the database, as in production. */
    static ProcessEngine migratedWithEngine(Postgres postgres, String name) {
        Flyway.configure().dataSource(postgres.database()).locations("classpath:db/migration").load().migrate();
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        // as application.yaml: unit groups have a colon (community:C-DL-01), logins a hyphen (housing-lead)
        config.setGroupResourceWhitelistPattern("[a-zA-Z0-9:._-]+");
        config.setUserResourceWhitelistPattern("[a-zA-Z0-9._-]+");
        return config.setDataSource(postgres.database()).setDatabaseSchemaUpdate("true").setJobExecutorActivate(false)
                .setHistory("none").setProcessEngineName(name).buildProcessEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void importsReimportsAndDeactivatesOnPostgres() throws IOException {
        byte[] file = withTestStreet(export(), List.<Object[]>of(
                person("imp-pg", "库中书记", "13900000021", "社区书记", "社区", "T-C"),
                person("imp-pg2", "库中网格员", "13900000022", "grid-worker", "网格", "T-G")));
        DirectoryImport.Result result = imports.apply(read(file), "admin");
        assertThat(result.plan().created()).isEqualTo(7);
        assertThat(result.passwords()).extracting(DirectoryImport.Password::login)
                .containsExactlyInAnyOrder("imp-pg", "imp-pg2");
        String password = result.passwords().stream().filter(p -> p.login().equals("imp-pg")).findFirst()
                .orElseThrow().password();
        assertThat(engine.getIdentityService().checkPassword("imp-pg", password)).isTrue();
        assertThat(groupsOf("imp-pg2")).containsExactlyInAnyOrder("grid-worker", "grid:T-G");

        assertThat(imports.plan(read(file)).unchanged()).isTrue();
        assertThat(imports.plan(read(export())).unchanged()).isTrue();

        byte[] dropped = DirectoryFiles.edit(export(), book -> {
            var sheet = book.getSheet("人员");
            for (var row : sheet) {
                if ("imp-pg2".equals(Workbooks.text(row.getCell(0)))) {
                    sheet.removeRow(row);
                    break;
                }
            }
        });
        DirectoryImport.Result second = imports.apply(read(dropped), "admin");
        assertThat(second.plan().deactivated()).extracting(DirectoryImport.Member::login).containsExactly("imp-pg2");
        assertThat(jdbc.queryForObject("SELECT active FROM person WHERE login = 'imp-pg2'", Boolean.class)).isFalse();
        assertThat(groupsOf("imp-pg2")).isEmpty();
        assertThat(imports.plan(read(dropped)).unchanged()).isTrue();
    }

    private static byte[] export() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DirectoryWorkbook.write(imports.units(), imports.peopleRows(), out);
        return out.toByteArray();
    }

    private static DirectoryWorkbook.Content read(byte[] file) throws IOException {
        return DirectoryWorkbook.read(new ByteArrayInputStream(file));
    }

    private static List<String> groupsOf(String user) {
        return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId())
                .toList();
    }
}
