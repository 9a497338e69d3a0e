package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * The new tasks of issue 13 take their own form's fields through Camunda REST and nothing else: 督办签收 (supervise)
 * and 延期审批 (approveExtension), and the handling form's extension fields.
 */
@LianbanTest
class SupervisionRestTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IssueDriver driver;
    @Autowired
    TaskService tasks;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void theSupervisorsTaskRefusesAFieldNotOnItsForm() {
        driver.clockAt(LocalDateTime.of(2026, 11, 24, 10, 0));
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        driver.fireTimer(pi, "acceptDeadline");
        String supervise = driver.task(pi, "supervise").getId();

        ResponseEntity<String> refused = complete("committee", supervise, "supervision", "URGE",
                "supervisionComment", "请签收", "acceptPending", false);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("field_not_allowed").contains("acceptPending");
        assertThat(tasks.createTaskQuery().taskId(supervise).count()).isOne();

        ResponseEntity<String> done = complete("committee", supervise, "supervision", "URGE", "supervisionComment",
                "请签收");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    }

    @Test
    void theExtensionApprovalRefusesAFieldNotOnItsFormAndTheHandlingFormTakesItsExtensionFields() {
        driver.clockAt(LocalDateTime.of(2026, 11, 24, 10, 0));
        ProcessInstance pi = driver.housingCaseAtHandling();
        String handle = driver.task(pi, "handle").getId();
        tasks.claim(handle, "housing");

        // the acceptance counts in the department's figures (dashboard export 联办签收)
        byte[] csv = rest.withBasicAuth("center", "demo").getForObject("/dashboard/export/acceptance.csv?month=2026-11",
                byte[].class);
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("牵头部门,签收,按时签收,按时签收率,超时未签收督办")
                .contains("住房和城乡建设局,");

        ResponseEntity<String> asked = complete("housing", handle, "extensionAsked", true, "extensionUntil",
                "2026-12-04", "extensionReason", "需等待材料到货");
        assertThat(asked.getStatusCode().value()).as(asked.getBody()).isEqualTo(204);

        String approve = driver.task(pi, "approveExtension").getId();
        ResponseEntity<String> refused = complete("committee", approve, "extensionApproved", true, "dueDate",
                "2026-12-31T18:00:00.000+0800");
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("field_not_allowed").contains("dueDate");
        assertThat(tasks.createTaskQuery().taskId(approve).count()).isOne();

        ResponseEntity<String> refusedCheck = complete("committee", approve, "extensionApproved", false);
        assertThat(refusedCheck.getStatusCode().value()).as(refusedCheck.getBody()).isEqualTo(400);
        assertThat(refusedCheck.getBody()).contains("不同意延期时必须填写意见");

        // granted: the case page shows both deadlines
        assertThat(complete("committee", approve, "extensionApproved", true, "extensionComment", "同意")
                .getStatusCode().value()).isEqualTo(204);
        String page = rest.withBasicAuth("committee", "demo").getForObject("/cases/" + pi.getBusinessKey(),
                String.class);
        assertThat(page).contains("原办理期限", "2026-11-27 18:00", "2026-12-04 18:00（已延期）", "同意延期");
    }

    @Test
    void theCasePageShowsTheAcceptanceDeadlineWhileTheLeadHasNotAccepted() {
        driver.clockAt(LocalDateTime.of(2026, 11, 24, 10, 0));
        ProcessInstance pi = driver.file();
        driver.complete(pi, "rate", "color", "GREEN");
        String page = rest.withBasicAuth("secretary", "demo").getForObject("/cases/" + pi.getBusinessKey(),
                String.class);
        assertThat(page).contains("签收期限", "2026-11-25 10:00（待签收）", "2026-11-27 18:00");
    }

    private ResponseEntity<String> complete(String user, String taskId, Object... namesAndValues) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put((String) namesAndValues[i], Map.of("value", namesAndValues[i + 1]));
        }
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/submit-form",
                Map.of("variables", typed), String.class);
    }
}
