package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.common.TimeLight;
import cn.lianban.directory.Directory;
import cn.lianban.issue.IssueCase;
import cn.lianban.support.Postgres;

/**
 * The case page's own SQL on PostgreSQL 17 (the other tests run on H2): V15 and attachments as bytes, the units'
 * newest cases, the clocks' last starts and the mail recipients' units. Without Spring or the engine.
 */
class CaseSqlPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migrateAndFill() {
        DataSource db = postgres.newDatabase("cases");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(db);
        jdbc.update("INSERT INTO area_type(code, name) VALUES ('UNIT', '单位型')");
        jdbc.update("INSERT INTO street(code, name, lat, lon, email) VALUES ('S-1', '东莱街道', 37.6, 120.4, 's1@street')");
        jdbc.update("INSERT INTO area(code, name, street_code, area_type, lat, lon, email) "
                + "VALUES ('A-1', '东莱北片区', 'S-1', 'UNIT', 37.6, 120.4, 'a1@area')");
        jdbc.update("INSERT INTO community(code, name, area_code, lat, lon, email) "
                + "VALUES ('C-1', '金沙东社区', 'A-1', 37.6, 120.4, 'c1@community')");
        jdbc.update("INSERT INTO department(code, name, email) VALUES ('housing', '住房和城乡建设局', 'housing@dept')");
        jdbc.update("INSERT INTO person(login, name, email, role, unit_type, unit_code) "
                + "VALUES ('secretary', '张国庆', 'secretary@demo', 'community-secretary', 'COMMUNITY', 'C-1')");
        jdbc.update("INSERT INTO person(login, name, email, role) VALUES ('deputy01', '李明', 'deputy01@demo', 'deputy')");

        jdbc.update("INSERT INTO issue_summary(business_key, process_instance_id, community_code, status, filed_at) "
                + "VALUES ('JH-2026-000001', 'p1', 'C-1', 'HANDLING', ?)", at("2026-03-02T01:00:00Z"));
        event("TK-2026-000001", "RAISED", "C-1", null, "2026-03-02T02:00:00Z");
        event("TK-2026-000002", "RAISED", "C-9", null, "2026-03-02T03:00:00Z");
        event("TK-2026-000002", "DISPATCHED", "C-9", "housing", "2026-03-02T03:00:01Z");
        event("TK-2026-000002", "DISPATCHED", "C-9", "housing", "2026-03-02T05:00:00Z");
        event("TK-2026-000003", "RAISED", "C-9", null, "2026-03-02T04:00:00Z");
        event("CO-2026-000001", "DISPATCHED", "C-9", "housing", "2026-03-02T06:00:00Z");
        event("JH-2026-000001", "ASSIGNED", null, null, "2026-03-02T01:30:00Z");
        event("JH-2026-000001", "MEETING", null, null, "2026-03-02T02:30:00Z");
    }

    @Test
    void theUnitsNewestCasesComeFromTheProjectsTables() {
        UnitCases units = new UnitCases(jdbc);
        assertThat(units.newest(Set.of("C-1"), Set.of("housing"), 10)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TK-2026-000002", Instant.parse("2026-03-02T03:00:00Z"),
                "TK-2026-000001", Instant.parse("2026-03-02T02:00:00Z"),
                "JH-2026-000001", Instant.parse("2026-03-02T01:00:00Z")));
        assertThat(units.newest(Set.of("C-1"), Set.of("housing"), 2)).containsOnlyKeys("TK-2026-000002",
                "TK-2026-000001");
        assertThat(units.newest(Set.of(), Set.of(), 10)).isEmpty();
    }

    @Test
    void aGridWorkersCasesAreHisGridsAndTheCommunitysNewestFirst() {
        for (String[] row : new String[][]{{"JH-2026-000101", "G-1", "2026-04-01T01:00:00Z"},
                {"JH-2026-000102", "G-2", "2026-04-01T02:00:00Z"}, {"JH-2026-000103", null, "2026-04-01T03:00:00Z"},
                {"JH-2026-000104", "G-1", "2026-04-01T04:00:00Z"}}) {
            jdbc.update("INSERT INTO issue_summary(business_key, process_instance_id, community_code, grid_code, status, "
                    + "filed_at) VALUES (?, ?, 'C-2', ?, 'HANDLING', ?)", row[0], row[0], row[1], at(row[2]));
        }
        UnitCases units = new UnitCases(jdbc);
        // issue 14: his grid's and those of the whole community (no grid), not the other grid's
        assertThat(units.ofGrids(Set.of("C-2"), Set.of("G-1"), 10)).containsOnlyKeys("JH-2026-000101",
                "JH-2026-000103", "JH-2026-000104");
        assertThat(units.ofGrids(Set.of("C-2"), Set.of("G-1"), 2)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "JH-2026-000104", Instant.parse("2026-04-01T04:00:00Z"),
                "JH-2026-000103", Instant.parse("2026-04-01T03:00:00Z")));
    }

    @Test
    void attachmentsKeepTheirBytes() {
        JdbcClient client = JdbcClient.create(jdbc);
        CaseAttachments attachments = new CaseAttachments(client, new DatabaseAttachmentStore(client));
        byte[] pdf = "%PDF-1.7 会议纪要".getBytes(StandardCharsets.UTF_8);
        CaseAttachments.Attachment added = attachments.add("JH-2026-000001", "纪要.pdf", FileType.PDF, pdf, "secretary");
        assertThat(added.size()).isEqualTo(pdf.length);
        assertThat(attachments.caseOf(added.id())).contains("JH-2026-000001");
        assertThat(attachments.file(added.id()).orElseThrow().content()).isEqualTo(pdf);
        assertThat(attachments.of(Set.of("JH-2026-000001", "TK-2026-000001"))).containsOnlyKeys("JH-2026-000001");
        assertThat(attachments.of("JH-2026-000001")).extracting(CaseAttachments.Attachment::contentType)
                .containsExactly("application/pdf");
    }

    @Test
    void aClockStartsAtTheLastStepThatSetIt() {
        Instant filed = Instant.parse("2026-03-02T01:00:00Z");
        IssueCase row = new IssueCase("JH-2026-000001", "p1", null, null, "C-1", null, null, null, null, null, null,
                "HANDLING", null, null, List.of(), null, null, null, filed, Instant.parse("2099-03-06T10:00:00Z"),
                null, null, null, false, 0, null, null, null, null, null, null, null, null, null);
        CaseFacts handling = new CaseFacts("JH-2026-000001", CaseFacts.JOINT_HANDLING, "p1", "secretary", filed, null,
                row, null);
        CaseClocks.Reading reading = new CaseClocks(jdbc, new cn.lianban.calendar.WorkingCalendar(jdbc)).read(List.of(handling)).get("JH-2026-000001");
        assertThat(reading.due()).isEqualTo(Instant.parse("2099-03-06T10:00:00Z"));
        assertThat(reading.light()).isEqualTo(TimeLight.GREEN);
    }

    @Test
    void mailAddressesNameTheirUnits() {
        MailRecipients recipients = new MailRecipients(jdbc, new Directory(jdbc));
        assertThat(recipients.units(Set.of("housing@dept", "a1@area", "secretary@demo", "deputy01@demo", "x@y")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("housing@dept", "住房和城乡建设局", "a1@area", "东莱北片区联合党委",
                        "secretary@demo", "金沙东社区", "deputy01@demo", "两代表一委员"));
    }

    private static void event(String key, String action, String community, String dept, String at) {
        jdbc.update("INSERT INTO case_event(business_key, occurred_at, actor, action, community_code, dept_code) "
                + "VALUES (?,?,?,?,?,?)", key, at(at), "system", action, community, dept);
    }

    private static Timestamp at(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }
}
