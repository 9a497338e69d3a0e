package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.directory.Directory;
import cn.lianban.support.Postgres;

/**
 * 区域共性问题's SQL on PostgreSQL 17 (the other tests run on H2): the similar cases of a case and the merges read
 * back both ways. Without Spring or the engine.
 */
class MergeSqlPostgresTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    @RegisterExtension
    static final Postgres postgres = new Postgres();
    private static JdbcClient jdbc;
    private static SimilarCases similar;

    @BeforeAll
    static void migrate() {
        DataSource db = postgres.newDatabase("merges");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(db);
        jdbc.sql("INSERT INTO street(code, name, lat, lon) VALUES ('S-1', '东莱街道', 37.65, 120.30)").update();
        jdbc.sql("INSERT INTO area_type(code, name) VALUES ('T', '城市社区型')").update();
        jdbc.sql("INSERT INTO area(code, name, street_code, area_type, lat, lon) VALUES "
                + "('A-1', '北片区', 'S-1', 'T', 37.65, 120.30), ('A-2', '南片区', 'S-1', 'T', 37.60, 120.30)").update();
        // C-2 in the area, C-3 in the other area 890 m away, C-4 in the other area 5 km away
        jdbc.sql("INSERT INTO community(code, name, area_code, lat, lon) VALUES "
                + "('C-1', '甲社区', 'A-1', 37.6500, 120.30), ('C-2', '乙社区', 'A-1', 37.6700, 120.30), "
                + "('C-3', '丙社区', 'A-2', 37.6420, 120.30), ('C-4', '丁社区', 'A-2', 37.6050, 120.30)").update();
        row("JH-1", "C-1", "A-1", "ELDERLY", "RATING", 0);
        row("JH-2", "C-2", "A-1", "ELDERLY", "HANDLING", 3);
        row("JH-3", "C-3", "A-2", "ELDERLY", "RATING", 1);
        row("JH-4", "C-4", "A-2", "ELDERLY", "RATING", 1);
        row("JH-5", "C-2", "A-1", "ELDERLY", "CLOSED", 2);
        row("JH-6", "C-2", "A-1", "ELDERLY", "HANDLING", 61);
        row("JH-7", "C-2", "A-1", "TRAFFIC", "HANDLING", 1);
        similar = new SimilarCases(jdbc, new Directory(new JdbcTemplate(db)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void row(String key, String community, String area, String category, String status, int daysAgo) {
        jdbc.sql("INSERT INTO issue_summary(business_key, process_instance_id, community_code, area_code, category, "
                        + "status, filed_at, title, community_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(key, "p" + key, community, area, category, status,
                        Timestamp.from(NOW.minusSeconds(daysAgo * 86_400L)), "标题" + key, community)
                .update();
    }

    @Test
    void similarCasesAreOpenOfTheSameCategoryOfOtherCommunitiesInTheAreaOrWithin1KmFromTheLast60Days() {
        assertThat(similar.of("JH-1", "ELDERLY", "C-1", "A-1")).extracting(SimilarCases.Similar::businessKey)
                .containsExactly("JH-3", "JH-2");
        assertThat(similar.of("JH-1", "ELDERLY", "C-1", "A-1"))
                .extracting(s -> s.mergeableIn("A-1")).containsExactly(false, true);
    }

    @Test
    void mergesAreReadBackBothWaysAndByFilingMonth() {
        jdbc.sql("INSERT INTO issue_merge(merged_key, main_key, community_code, merged_at) VALUES (?, ?, ?, ?)")
                .params("JH-2", "JH-1", "C-2", Timestamp.from(NOW)).update();
        IssueCaseReader reader = new IssueCaseReader(jdbc);
        assertThat(reader.merges("JH-1")).singleElement().extracting(IssueMerge::mergedKey, IssueMerge::communityName)
                .containsExactly("JH-2", "乙社区");
        assertThat(reader.merges("JH-2")).singleElement().extracting(IssueMerge::mainKey).isEqualTo("JH-1");
        assertThat(reader.mergedCommunities("JH-2")).containsExactlyInAnyOrder("C-1", "C-2");
        assertThat(reader.mergedIntoCasesFiled(NOW.minusSeconds(86_400), NOW.plusSeconds(1))).containsOnlyKeys("JH-1");
        assertThat(similar.of("JH-3", "ELDERLY", "C-3", "A-2")).as("a main case is shown, not mergeable")
                .filteredOn(s -> s.businessKey().equals("JH-1")).singleElement()
                .extracting(SimilarCases.Similar::mainCase).isEqualTo(true);
    }
}
