package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * The deadline and 时效灯 of open cases as the clock moves: from the process's clock variables when it keeps them,
 * otherwise from the deadline of the step the case waits in. Engine clock from Monday 2 March 2026, 10:00.
 */
@LianbanTest
class CaseTimeLightTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 10, 0);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;
    @Autowired
    JdbcTemplate jdbc;

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void aCaseInHandlingTurnsYellowNearItsDeadlineAndRedAfter() throws IOException {
        driver.clockAt(MONDAY);
        ProcessInstance pi = driver.file("category", "HOUSING", "multiDepartment", true);
        assertThat(light(pi)).as("waiting for its colour").isNull();
        driver.complete(pi, "rate", "color", "YELLOW");
        driver.scheduleMeeting(pi);
        driver.complete(pi, "meet", "leadDept", "housing", "coDepts", List.of(), "deadline", "2026-03-06",
                "minutes", "住建局牵头");
        // issue 13: until the lead accepts (签收), like a ticket, the case runs on its acceptance deadline
        driver.claim(pi, "handle", "housing");
        JsonNode handling = json(pi);
        assertThat(handling.get("status").asText()).isEqualTo("HANDLING");
        assertThat(handling.get("dueAt").asText()).isEqualTo("2026-03-06T18:00:00+08:00");
        assertThat(handling.get("timeLight").asText()).isEqualTo("GREEN");

        driver.clockAt(LocalDateTime.of(2026, 3, 6, 9, 0)); // 9 of 104 hours left
        assertThat(light(pi)).isEqualTo("YELLOW");
        driver.clockAt(LocalDateTime.of(2026, 3, 6, 18, 30));
        assertThat(light(pi)).isEqualTo("RED");
        assertThat(page(pi)).contains("逾期").contains("2026-03-06 18:00").contains("tone-bad");
    }

    @Test
    void aTicketWaitingForAcceptanceRunsOnItsTwentyFourHours() throws IOException {
        driver.clockAt(MONDAY);
        ProcessInstance pi = tickets.raise();
        JsonNode accepting = json(pi);
        assertThat(accepting.get("dueAt").asText()).isEqualTo("2026-03-03T10:00:00+08:00");
        assertThat(accepting.get("timeLight").asText()).isEqualTo("GREEN");
        driver.clockAt(LocalDateTime.of(2026, 3, 3, 6, 0));
        assertThat(light(pi)).isEqualTo("YELLOW");
        assertThat(page(pi)).contains("临期").contains("tone-warn");
    }

    @Test
    void theProcesssOwnClockWinsAndAStoppedClockShowsNoLight() throws IOException {
        driver.clockAt(MONDAY);
        ProcessInstance pi = driver.file();
        Instant now = Instant.parse("2026-03-02T02:00:00Z");
        // the clock as the process keeps it in the case's row (issue_summary)
        jdbc.update("UPDATE issue_summary SET clock_start = ?, clock_due = ?, clock_running = TRUE "
                + "WHERE business_key = ?", Timestamp.from(now.minus(Duration.ofHours(90))),
                Timestamp.from(now.plus(Duration.ofHours(10))), pi.getBusinessKey());
        JsonNode running = json(pi);
        assertThat(running.get("dueAt").asText()).isEqualTo("2026-03-02T20:00:00+08:00");
        assertThat(running.get("timeLight").asText()).as("10 of 100 hours left, whatever the stored light says")
                .isEqualTo("YELLOW");

        jdbc.update("UPDATE issue_summary SET clock_running = FALSE WHERE business_key = ?", pi.getBusinessKey());
        assertThat(light(pi)).isNull();
    }

    private String light(ProcessInstance pi) throws IOException {
        JsonNode light = json(pi).get("timeLight");
        return light.isNull() ? null : light.asText();
    }

    private JsonNode json(ProcessInstance pi) throws IOException {
        return json.readTree(rest.withBasicAuth("center", "demo").getForObject("/api/cases/" + pi.getBusinessKey(),
                String.class));
    }

    private String page(ProcessInstance pi) {
        return rest.withBasicAuth("center", "demo").getForObject("/cases/" + pi.getBusinessKey(), String.class);
    }
}
