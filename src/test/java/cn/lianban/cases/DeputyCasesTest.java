package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * Deputies (两代表一委员) belong to an area: they follow its cases once convened to a joint meeting, read only, and
 * comment on them; other areas' cases do not exist for them, and commenting there is refused.
 */
@LianbanTest
class DeputyCasesTest {

    @Autowired
    IssueDriver driver;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aDeputyFollowsTheConvenedCasesOfTheirAreaAndCommentsOnThem() {
        ProcessInstance convened = driver.file("category", "HOUSING", "multiDepartment", true, "title", "代表关注的楼道堆物");
        driver.complete(convened, "rate", "color", "YELLOW");
        driver.scheduleMeeting(convened);
        String key = convened.getBusinessKey();
        ProcessInstance green = driver.file();
        driver.complete(green, "rate", "color", "GREEN");

        // deputy01 belongs to the area of community A, deputy04 to another
        assertThat(get("deputy01", "/api/cases/" + key).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("deputy01", "/api/cases?scope=mine&size=200").getBody()).contains(key)
                .doesNotContain(green.getBusinessKey());
        assertThat(get("deputy01", "/api/cases/" + green.getBusinessKey()).getStatusCode())
                .as("no meeting, nothing to follow").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("deputy04", "/api/cases/" + key).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String page = get("deputy01", "/cases/" + key).getBody();
        assertThat(page).contains("代表关注的楼道堆物", "发表意见").doesNotContain("上传附件：");

        assertThat(comment("deputy01", key, "建议先清理消防通道").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(get("deputy01", "/cases/" + key).getBody()).contains("两代表一委员意见", "建议先清理消防通道");
        assertThat(get("committee", "/cases/" + key).getBody()).contains("建议先清理消防通道")
                .doesNotContain("发表意见");

        // elsewhere: 403 for a deputy of another area and for the units, nothing written
        ResponseEntity<String> other = comment("deputy04", key, "别的片区的意见");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody()).contains("只有本片区的两代表一委员");
        assertThat(comment("committee", key, "委员会的意见").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(comment("deputy01", green.getBusinessKey(), "未会商").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(comment("secretary2", key, "看不到的事项").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("center", "/cases/" + key).getBody()).doesNotContain("别的片区的意见", "委员会的意见");

        ResponseEntity<String> blank = comment("deputy01", key, " ");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody()).contains("请填写意见");
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
    }

    private ResponseEntity<String> comment(String user, String key, String text) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/" + key + "/comments",
                Map.of("text", text), String.class);
    }
}
