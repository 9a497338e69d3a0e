package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;

/**
 * The pages of the monthly cycle: a department submits and sees only its own items, another department cannot
 * withdraw them, the city center returns with a reason (a blank one is refused in Chinese); other roles get 403.
 * Publishing is driven in {@link ResourceCycleTest} and the browser test.
 */
@LianbanTest
class ResourceCyclePageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ResourceSubmissions cycle;

    @Test
    void aDepartmentSubmitsTheCenterReturnsAndOthersAreKeptOut() {
        String month = cycle.nextMonth().toString();
        PageSession housing = new PageSession(rest, "housing");
        ResponseEntity<String> page = housing.get("/resources/submissions");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("住房和城乡建设局 · " + ResourceSubmissions.monthLabel(cycle.nextMonth())
                + "资源清单申报").contains("尚未申报项目");

        ResponseEntity<String> refused = housing.post("/resources/submissions", form("", "", "", "", ""));
        assertThat(refused.getBody()).contains("项目尚未保存").contains("请选择资源类别").contains("请填写项目名称");

        ResponseEntity<String> saved = housing.post("/resources/submissions",
                form("FACILITY", "老旧小区加装电梯咨询", "12", "", month));
        assertThat(saved.getBody()).contains("老旧小区加装电梯咨询").contains("待审核").contains("提交申报");
        String code = jdbc.queryForObject("SELECT code FROM resource_item WHERE name = '老旧小区加装电梯咨询'", String.class);
        assertThat(jdbc.queryForMap("SELECT * FROM resource_item WHERE code = ?", code))
                .containsEntry("DEPT_CODE", "housing").containsEntry("REVIEW_STATE", "SUBMITTED")
                .containsEntry("PUBLISHED", false).containsEntry("SUBMITTED_BY", "housing");

        PageSession urban = new PageSession(rest, "urban");
        assertThat(urban.get("/resources/submissions").getBody()).doesNotContain("老旧小区加装电梯咨询");
        assertThat(urban.post("/resources/submissions/" + code + "/withdraw", Map.of()).getBody())
                .contains("本部门没有项目 " + code);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM resource_item WHERE code = ?", Integer.class, code)).isOne();

        PageSession center = new PageSession(rest, "center");
        assertThat(center.get("/resources/review").getBody()).contains("住房和城乡建设局（").contains(code)
                .contains("老旧小区加装电梯咨询");
        assertThat(center.post("/resources/review/" + code + "/return", Map.of("reason", List.of(" "))).getBody())
                .contains("退回修改须写明理由");
        assertThat(center.post("/resources/review/" + code + "/return", Map.of("reason", List.of("请写明咨询场次安排")))
                .getBody()).contains("已退回 " + code + " 修改");
        assertThat(housing.get("/resources/submissions").getBody()).contains("退回修改").contains("退回理由：请写明咨询场次安排");

        assertThat(new PageSession(rest, "secretary").get("/resources/submissions").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(new PageSession(rest, "housing").get("/resources/review").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        PageSession secretary = new PageSession(rest, "secretary");
        secretary.get("/resources");
        assertThat(secretary.post("/resources/review/publish", Map.of("month", List.of(month))).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theListPageShowsWhenTheMonthWasPublishedAndTheWayToTheCycle() {
        ResponseEntity<String> list = new PageSession(rest, "secretary").get("/resources");
        assertThat(list.getBody()).containsPattern("本月资源清单已于\\d{4}年\\d{1,2}月1日发布");
        assertThat(new PageSession(rest, "urban").get("/resources").getBody()).contains("/resources/submissions");
        assertThat(new PageSession(rest, "center").get("/resources").getBody()).contains("/resources/review");
    }

    private static Map<String, List<String>> form(String category, String name, String capacity, String budget,
                                                  String month) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("category", List.of(category));
        f.put("name", List.of(name));
        f.put("description", List.of("每周二上午"));
        f.put("capacity", List.of(capacity));
        f.put("budget", List.of(budget));
        f.put("validFrom", List.of(month.isEmpty() ? "" : month + "-01"));
        f.put("validTo", List.of(month.isEmpty() ? "" : month + "-20"));
        return f;
    }
}
