package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

import cn.lianban.support.IssueDriver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The whole application on a real PostgreSQL 17: a full case, a full ticket, and business keys under concurrent filing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=postgres-test")
@ActiveProfiles({"test", "postgres"})
@DirtiesContext
@org.junit.jupiter.api.Tag("own-engine")
class PostgresFullPathTest {

    /** The database is a bean, so Spring closes it after the engine that uses it. */
    @TestConfiguration
    static class EmbeddedDatabase {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws Exception {
            return EmbeddedPostgres.start();
        }

        @Bean
        @Primary
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(12);
            return ds;
        }
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    IssueDriver driver;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    cn.lianban.support.TicketDriver tickets;
    @Autowired
    cn.lianban.ticket.TicketRates rates;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void runsOnPostgres() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
    }

    @Test
    void aYellowCaseRunsFromFilingToClosure() {
        ProcessInstance pi = driver.walkYellowCaseToClosure();
        assertThat(pi).isEnded().hasPassed("inviteMeeting", "meet", "handle", "assist", "evaluate", "closeIssue");
        assertThat(driver.events(pi.getBusinessKey())).containsSubsequence("FILED", "ASSIGNED", "MEETING_CONVENED",
                "MEETING", "ASSISTED", "HANDLED", "EVALUATED", "CLOSED");
        assertThat(driver.mails(pi)).anyMatch(m -> m.startsWith("MEETING_INVITATION"))
                .anyMatch(m -> m.startsWith("ASSIGNED")).anyMatch(m -> m.startsWith("CLOSED"));
    }

    @Test
    void aTicketRunsFromRaiseToClosureAndCountsInTheRates() {
        ProcessInstance pi = tickets.raise();
        driver.complete(pi, "accept", "accepted", true);
        driver.complete(pi, "resolve", "result", "已处理");
        driver.complete(pi, "confirm", "solved", true);
        driver.complete(pi, "rate", "satisfaction", 4);
        assertThat(pi).isEnded();
        var month = java.time.YearMonth.from(cn.lianban.common.EngineClock.now());
        var urban = rates.rates(month, cn.lianban.ticket.TicketRates.By.DEPT).stream()
                .filter(r -> r.key().equals("urban")).findFirst().orElseThrow();
        assertThat(urban.dispatched()).isPositive();
        assertThat(urban.acceptedOnTime()).isPositive();
        assertThat(urban.satisfied()).isPositive();
    }

    @Test
    void concurrentFilingsGetDistinctConsecutiveKeys() throws Exception {
        List<String> keys = driver.fileConcurrently(6, 5);
        assertThat(keys).hasSize(30).doesNotHaveDuplicates().allMatch(k -> k.matches("JH-\\d{4}-\\d{6}"));
        List<Integer> numbers = keys.stream().map(k -> Integer.parseInt(k.substring(8))).sorted().toList();
        assertThat(numbers.get(29) - numbers.get(0)).as("no gaps").isEqualTo(29);
    }
}
