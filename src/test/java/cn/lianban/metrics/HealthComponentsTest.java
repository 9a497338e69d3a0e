package cn.lianban.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.LianbanTest;

/** /actuator/health: the status alone for anyone, the components for admin. */
@LianbanTest
class HealthComponentsTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void anyoneGetsTheStatusAlone() {
        ResponseEntity<String> health = rest.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).isEqualTo("{\"status\":\"UP\"}");
        // a login that is not admin sees no more
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/actuator/health", String.class).getBody())
                .isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    @SuppressWarnings("unchecked")
    void adminSeesTheDatabaseTheOutboxAndTheJobs() {
        ResponseEntity<Map> health = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.getBody()
                .get("components");
        assertThat(components).containsKeys("db", "mailOutbox", "smsOutbox", "jobs", "processEngine");
        assertThat(components.get("db").get("status")).isEqualTo("UP");
        assertThat(components.get("mailOutbox").get("status")).isEqualTo("UP");
        assertThat((Map<String, Object>) components.get("mailOutbox").get("details"))
                .containsKeys("pending", "failed");
        assertThat(components.get("smsOutbox").get("status")).isEqualTo("UP");
        assertThat((Map<String, Object>) components.get("smsOutbox").get("details"))
                .containsKeys("pending", "failed");
        assertThat(components.get("jobs").get("status")).isIn("UP", "STALLED");
        assertThat((Map<String, Object>) components.get("jobs").get("details"))
                .containsEntry("executionOnThisNode", false).containsKey("late");
    }
}
