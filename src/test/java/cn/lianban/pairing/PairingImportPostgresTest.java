package cn.lianban.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import cn.lianban.directory.Passwords;
import cn.lianban.support.DirectoryFiles;
import cn.lianban.support.MigratedDb;
import cn.lianban.support.Postgres;

/**
 * The 双联双促 import's SQL and Camunda side on PostgreSQL 17, as in production without demo: the demo directory but
 * no agencies yet; a file adds an agency, a pairing and a member with a login, the same file again changes nothing,
 * and a move takes the member's groups along. A process engine of its own on the same database, without Spring.
 */
class PairingImportPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void importsReimportsAndMovesOnPostgres() throws IOException {
        MigratedDb db = MigratedDb.on(postgres.database());
        ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        // as application.yaml: unit groups have a colon (agency:AG-01), logins a dot or hyphen
        config.setGroupResourceWhitelistPattern("[a-zA-Z0-9:._-]+");
        config.setUserResourceWhitelistPattern("[a-zA-Z0-9._-]+");
        ProcessEngine engine = config.setDataSource(db.dataSource).setDatabaseSchemaUpdate("true")
                .setJobExecutorActivate(false).setHistory("none").setProcessEngineName("pairing-import-pg")
                .buildProcessEngine();
        try {
            IdentityService identity = engine.getIdentityService();
            PairingRepository repository = new PairingRepository(db.jdbc);
            PairingImport imports = new PairingImport(db.jdbc, db.directory, identity,
                    new MemberLogins(identity, repository), repository, new Passwords(identity));
            String community = db.directory.communities().get(0).code();
            String grid = db.directory.gridsOf(community).get(0);
            String otherGrid = db.directory.grids().get(db.directory.grids().size() - 1).code();
            // the role and grid groups come from the directory's identity sync at start
            for (String group : List.of("agency-member", "grid:" + grid, "grid:" + otherGrid)) {
                identity.saveGroup(identity.newGroup(group));
            }
            byte[] file = file(community, grid);

            assertThat(imports.check(read(file))).isEmpty();
            PairingImport.Result result = imports.apply(read(file));
            assertThat(result.plan().created()).isEqualTo(3);
            String password = result.passwords().get(0).password();
            assertThat(identity.checkPassword("pg.member", password)).isTrue();
            assertThat(groupsOf(identity, "pg.member")).containsExactlyInAnyOrder("agency-member", "agency:TA-1",
                    "grid:" + grid);
            assertThat(imports.plan(read(file)).unchanged()).isTrue();
            assertThat(imports.plan(read(write(imports.current()))).unchanged()).isTrue();

            imports.apply(read(file(community, otherGrid)));
            assertThat(groupsOf(identity, "pg.member")).containsExactlyInAnyOrder("agency-member", "agency:TA-1",
                    "grid:" + otherGrid);
            assertThat(db.jdbc.queryForObject("SELECT grid_code FROM agency_member WHERE phone = '13900000095'",
                    String.class)).isEqualTo(otherGrid);
        } finally {
            engine.close();
        }
    }

    private static List<String> groupsOf(IdentityService identity, String login) {
        return identity.createGroupQuery().groupMember(login).list().stream().map(Group::getId).toList();
    }

    private static byte[] file(String community, String grid) throws IOException {
        return DirectoryFiles.edit(write(new PairingWorkbook.Content(List.of(), List.of(), List.of(), List.of())),
                book -> {
                    DirectoryFiles.append(book.getSheet("机关单位"), "TA-1", "测试局机关党支部", "机关", "ta1@test.cn");
                    DirectoryFiles.append(book.getSheet("结对"), community, "TA-1");
                    DirectoryFiles.append(book.getSheet("下沉党员"), "13900000095", "库中党员", "TA-1", grid, "pg.member");
                });
    }

    private static byte[] write(PairingWorkbook.Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PairingWorkbook.write(content, out);
        return out.toByteArray();
    }

    private static PairingWorkbook.Content read(byte[] file) throws IOException {
        return PairingWorkbook.read(new ByteArrayInputStream(file));
    }
}
