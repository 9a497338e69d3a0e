package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import cn.lianban.common.EngineClock;
import cn.lianban.support.LianbanTest;

/** The resource list page: everyone reads it, communities learn how to claim, only the city center publishes. */
@LianbanTest
class ResourcePageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyoneReadsThisMonthsDemoListByCategory() {
        String month = YearMonth.from(EngineClock.now()).toString();
        ResponseEntity<String> page = rest.withBasicAuth("secretary", "demo").getForEntity("/resources", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("政策支持").contains("资金倾斜").contains("服务下沉").contains("设施建设")
                .contains("RS-" + month + "-001").contains("/resources/RS-" + month + "-001/claim")
                .doesNotContain("发布清单项目");
        ResponseEntity<String> department = rest.withBasicAuth("housing", "demo").getForEntity("/resources",
                String.class);
        assertThat(department.getBody()).contains("RS-" + month + "-001").doesNotContain("/claim\"");
        assertThat(rest.withBasicAuth("center", "demo").getForEntity("/resources", String.class).getBody())
                .contains("发布清单项目");
        ResponseEntity<String> anonymous = rest.withRedirects(Redirects.DONT_FOLLOW).getForEntity("/resources",
                String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/login");
    }

    @Test
    void theClaimLinkExplainsTasklist() {
        String code = "RS-" + YearMonth.from(EngineClock.now()) + "-001";
        ResponseEntity<String> how = rest.withBasicAuth("secretary", "demo")
                .getForEntity("/resources/" + code + "/claim", String.class);
        assertThat(how.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(how.getBody()).contains(code).contains("/camunda/app/tasklist/").contains("资源承接")
                .contains("本社区资源承接");
        assertThat(rest.withBasicAuth("secretary", "demo").getForEntity("/resources/RS-1999-01-001/claim",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theCityCenterPublishesAndBadInputIsShownAndNotSaved() {
        ResponseEntity<String> published = post("center", item("口袋公园（测试发布）", "FACILITY", "3", "450000"));
        assertThat(published.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(published.getHeaders().getLocation().toString()).endsWith("/resources?month=2031-08");
        assertThat(jdbc.queryForMap("SELECT * FROM resource_item WHERE name = '口袋公园（测试发布）'"))
                .containsEntry("LIST_MONTH", "2031-08").containsEntry("DEPT_CODE", "resources")
                .containsEntry("CAPACITY", 3).containsEntry("PUBLISHED", true);

        int before = items();
        ResponseEntity<String> refused = post("center", item("", "FUNDS", "", "-5"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody()).contains("项目尚未发布").contains("请填写项目名称").contains("预算须为大于 0 的金额");
        assertThat(items()).isEqualTo(before);
    }

    @Test
    void aSecretaryMayNotPublish() {
        int before = items();
        ResponseEntity<String> refused = post("secretary", item("社区自己发布", "POLICY", "5", ""));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(items()).isEqualTo(before);
    }

    private static Map<String, String> item(String name, String category, String capacity, String budget) {
        return Map.of("month", "2031-08", "category", category, "name", name, "description", "测试",
                "deptCode", "resources", "capacity", capacity, "budget", budget, "validFrom", "2031-08-01",
                "validTo", "2031-10-31");
    }

    /** Posts the form as a browser would: with the session and CSRF token of the page it came from. */
    private ResponseEntity<String> post(String user, Map<String, String> fields) {
        TestRestTemplate as = rest.withBasicAuth(user, "demo").withRedirects(Redirects.DONT_FOLLOW);
        ResponseEntity<String> page = as.getForEntity("/resources?month=2031-08", String.class);
        Matcher token = CSRF.matcher(page.getBody());
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0]);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        form.add("_csrf", token.group(1));
        return as.postForEntity("/resources", new HttpEntity<>(form, headers), String.class);
    }

    private int items() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM resource_item", Integer.class);
    }
}
