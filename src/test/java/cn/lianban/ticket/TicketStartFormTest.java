package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.support.LianbanTest;

/** The ticket start form is built from the responsibility list and deployed once per content. */
@LianbanTest
class TicketStartFormTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    TicketStartForm startForm;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void offersEveryActiveItemWithItsCategoryAndTheContractsStartVariables() throws Exception {
        JsonNode form = deployedForm();
        assertThat(form.get("id").asText()).isEqualTo("ticket-start");
        List<String> keys = form.findValues("key").stream().map(JsonNode::asText).toList();
        // lat and lon (positions), reporterPhone (residents) since issue 14
        assertThat(keys).containsExactly("itemCode", "description", "communityCode", "gridCode", "memberId", "location",
                "lat", "lon", "reporterPhone");
        JsonNode items = form.get("components").get(1).get("values");
        int active = jdbc.queryForObject("SELECT COUNT(*) FROM responsibility_item WHERE active", Integer.class);
        assertThat(items).hasSize(active);
        assertThat(items.get(0).get("value").asText()).isEqualTo("R-001");
        assertThat(items.get(0).get("label").asText()).isEqualTo("市容环境 · 占道经营（R-001）");
        assertThat(form.get("components").get(2).get("validate").get("required").asBoolean()).isTrue();
    }

    @Test
    void theFormTextIsTheSameEveryTimeSoARestartDeploysNothingNew() {
        assertThat(startForm.render()).isEqualTo(startForm.render());
        assertThat(startForm.render()).contains("\"value\" : \"R-001\",\n      \"label\"");
    }

    @Test
    void deployingTheSameListAgainAddsNoVersion() {
        long before = repository.createDeploymentQuery().deploymentName(TicketStartForm.DEPLOYMENT).count();
        startForm.deploy();
        assertThat(repository.createDeploymentQuery().deploymentName(TicketStartForm.DEPLOYMENT).count())
                .isEqualTo(before);
    }

    private JsonNode deployedForm() throws Exception {
        Deployment latest = repository.createDeploymentQuery().deploymentName(TicketStartForm.DEPLOYMENT)
                .orderByDeploymentTime().desc().list().get(0);
        try (InputStream in = repository.getResourceAsStream(latest.getId(), "ticket-start.form")) {
            return new ObjectMapper().readTree(in);
        }
    }
}
