package cn.lianban.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.lianban.LianbanApplication;

/**
 * Production without demo: the first administrator comes from the variables, no login keeps the demo password.
 * Its own in-memory database, so the demo data of the other tests' shared database is not touched; its own JVM
 * ({@code own-engine}, pom.xml), as it starts engines besides the shared test application's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:lianban-first-admin;DB_CLOSE_DELAY=-1",
        "lianban.demo.enabled=false",
        "lianban.admin.login=chief",
        "lianban.admin.password=" + FirstAdminTest.PASSWORD,
        "lianban.admin.name=王主任",
        "lianban.admin.email=chief@example.cn"})
@ActiveProfiles("test")
@Tag("own-engine")
class FirstAdminTest {

    static final String PASSWORD = "Qz7-lianban-Start";

    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identity;
    @Autowired
    IdentitySync sync;
    @Autowired
    DemoPasswords demoPasswords;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void unlock() {
        identity.createUserQuery().list().forEach(u -> identity.unlockUser(u.getId()));
    }

    @Test
    void theAdministratorFromTheVariablesLogsInAndReachesTheAdminPages() {
        assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("chief");
        assertThat(identity.createUserQuery().userId("chief").singleResult().getFirstName()).isEqualTo("王主任");
        assertThat(identity.createGroupQuery().groupMember("chief").list()).extracting(g -> g.getId())
                .containsExactly(Roles.ADMIN);
        assertThat(jdbc.sql("SELECT password FROM person WHERE login = 'chief'").query(String.class).optional())
                .isEmpty();
        assertThat(identity.checkPassword("chief", PASSWORD)).isTrue();
        assertThat(new Passwords(identity).mustChange("chief")).as("the operator chose this password").isFalse();

        assertThat(rest.withBasicAuth("chief", PASSWORD).getForEntity("/admin/mail", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.withBasicAuth("chief", PASSWORD).getForEntity("/engine-rest/user/count", String.class)
                .getBody()).contains("\"count\":1");
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/admin/mail", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anotherStartLeavesTheAdministratorAsItIs() {
        step(new FirstAdmin.Settings("chief", "another-Password-9", "别人", "")).run();
        step(new FirstAdmin.Settings("boss", "another-Password-9", "别人", "")).run();

        assertThat(identity.checkPassword("chief", PASSWORD)).isTrue();
        assertThat(identity.createUserQuery().userId("chief").singleResult().getFirstName()).isEqualTo("王主任");
        assertThat(identity.createUserQuery().userId("boss").count()).isZero();
    }

    @Test
    void withoutAdministratorAndVariablesTheStartFails() {
        identity.deleteMembership("chief", Roles.ADMIN);
        try {
            assertThatThrownBy(() -> step(new FirstAdmin.Settings("", "", "", "")).run())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("没有管理员").hasMessageContaining("LIANBAN_ADMIN_LOGIN");
            assertThatThrownBy(() -> step(new FirstAdmin.Settings("boss", "short-9", "", "")).run())
                    .hasMessageContaining("太弱");
            assertThatThrownBy(() -> step(new FirstAdmin.Settings("chief", "another-Password-9", "", "")).run())
                    .hasMessageContaining("已被占用");
            assertThat(identity.createUserQuery().userId("boss").count()).isZero();
        } finally {
            identity.createMembership("chief", Roles.ADMIN);
        }
    }

    @Test
    void anEmptyDatabaseWithoutTheVariablesDoesNotStart() {
        // arguments, which win over the profile's settings
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(LianbanApplication.class).profiles("test")
                    .run("--spring.datasource.url=jdbc:h2:mem:lianban-no-admin;DB_CLOSE_DELAY=-1",
                            "--lianban.demo.enabled=false", "--camunda.bpm.process-engine-name=no-admin").close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("没有管理员").hasMessageContaining("LIANBAN_ADMIN_PASSWORD_FILE");
        } finally {
            // the failed application, closing, empties Camunda's registry, where REST finds this test's engine
            ProcessEngines.registerProcessEngine(engine);
        }
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThat(FirstAdmin.problemOf("boss", "short-Pw9")).contains("太弱");
        assertThat(FirstAdmin.problemOf("boss", "boss-boss-boss-1")).contains("太弱");
        assertThat(FirstAdmin.problemOf("boss", "demo-demo-demo-1")).contains("太弱");
        assertThat(FirstAdmin.problemOf("boss", "aaaaaaaaaaaaaaaa")).contains("太弱");
        assertThat(FirstAdmin.problemOf("bo ss", PASSWORD)).contains("LIANBAN_ADMIN_LOGIN");
        assertThat(FirstAdmin.problemOf("boss", PASSWORD)).isNull();
    }

    @Test
    void loginsOnceSeededWithTheDemoPasswordLoseIt() {
        // a database seeded with demo before: a person and an administrator still with password demo
        jdbc.sql("INSERT INTO person(login, name, email, role, password) VALUES ('olddemo', '旧演示', 'o@lianban.demo', "
                + "'city-center', 'demo')").update();
        sync.sync();
        User admin = identity.newUser("admin");
        admin.setPassword("demo");
        identity.saveUser(admin);
        identity.createMembership("admin", Roles.ADMIN);
        try {
            step(new FirstAdmin.Settings("", "", "", "")).run();

            assertThat(identity.checkPassword("olddemo", "demo")).isFalse();
            assertThat(identity.checkPassword("admin", "demo")).isFalse();
            assertThat(identity.createGroupQuery().groupMember("olddemo").list()).extracting(g -> g.getId())
                    .contains(Roles.CITY_CENTER);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE password IS NOT NULL").query(Integer.class).single())
                    .isZero();
            // the old demo administrator no longer counts: without chief there would be no administrator
            identity.deleteMembership("chief", Roles.ADMIN);
            assertThatThrownBy(() -> step(new FirstAdmin.Settings("", "", "", "")).run())
                    .hasMessageContaining("没有管理员");
        } finally {
            identity.createMembership("chief", Roles.ADMIN);
            identity.deleteUser("admin");
            identity.deleteUser("olddemo");
            jdbc.sql("DELETE FROM person WHERE login = 'olddemo'").update();
        }
    }

    private FirstAdmin step(FirstAdmin.Settings settings) {
        return new FirstAdmin(identity, demoPasswords, sync, jdbc, settings);
    }
}
