package cn.lianban.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.lianban.responsibility.ResponsibilityList;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;
import cn.lianban.support.TicketDriver;
import cn.lianban.responsibility.ResponsibilityList.ResponsibilityItem;

/** The 权责清单 admin page, through security, against the shared demo data. */
@LianbanTest
class ResponsibilityAdminTest {

    private static final String PAGE = "/admin/responsibility";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ResponsibilityList list;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TicketDriver tickets;

    @Test
    void listsFiltersAndFillsTheEditForm() {
        PageSession admin = new PageSession(rest, "admin");
        String page = admin.get(PAGE + "?category=MUNICIPAL&q=窨井").getBody();
        assertThat(page).contains("R-017", "窨井盖缺失或破损", "市政设施", "城市管理局", "基础")
                .doesNotContain("R-016", "路灯不亮");
        String coordination = admin.get(PAGE + "?q=R-149").getBody();
        assertThat(coordination).contains("协同", "住房和城乡建设局", "水务局");
        String edit = admin.get(PAGE + "?edit=R-017").getBody();
        assertThat(edit).contains("修改事项 R-017", "value=\"窨井盖缺失或破损\"", "value=\"3\"");
    }

    @Test
    void aSavedItemIsDeployedIntoTheStartFormAndAppliesToNewTicketsOnly() {
        PageSession admin = new PageSession(rest, "admin");
        admin.get(PAGE);
        Set<String> before = formDeployments();

        ResponseEntity<String> saved = admin.post(PAGE, item("R-950", "测试事项：宣传栏破损", "urban", "4", true));
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).contains("已保存 R-950 测试事项：宣传栏破损", "R-950");
        assertThat(list.find("R-950")).contains(new ResponsibilityItem("R-950", "测试事项：宣传栏破损", "MUNICIPAL",
                ResponsibilityList.BASIC, "urban", List.of(), 4, true));
        assertThat(newestForm(before)).contains("\"value\" : \"R-950\"", "测试事项：宣传栏破损（R-950）");

        // a ticket dispatched now keeps 城管局 and 4 days after the item moves to 水务局 with 6 days
        ProcessInstance old = tickets.raise("itemCode", "R-950");
        Set<String> afterFirst = formDeployments();
        assertThat(admin.post(PAGE, item("R-950", "测试事项：宣传栏破损", "water", "6", true)).getBody())
                .contains("已保存 R-950");
        // the form shows category, name and code, not the department: same content, so no new form version
        assertThat(formDeployments()).isEqualTo(afterFirst);
        ProcessInstance fresh = tickets.raise("itemCode", "R-950");
        assertThat(runtime.getVariables(old.getId())).containsEntry("deptCode", "urban").containsEntry("resolveDays", 4L);
        assertThat(runtime.getVariables(fresh.getId())).containsEntry("deptCode", "water")
                .containsEntry("resolveDays", 6L);
        runtime.deleteProcessInstances(List.of(old.getId(), fresh.getId()), "test", true, true);

        // deactivated: kept in the list, gone from the start form
        Set<String> beforeDeactivation = formDeployments();
        String deactivated = admin.post(PAGE, item("R-950", "测试事项：宣传栏破损", "water", "6", false)).getBody();
        assertThat(deactivated).contains("已停用", "停用");
        assertThat(list.find("R-950").orElseThrow().active()).isFalse();
        assertThat(newestForm(beforeDeactivation)).doesNotContain("R-950").contains("R-017");
    }

    @Test
    void aRejectedSaveShowsTheMessageAndChangesNothing() {
        PageSession admin = new PageSession(rest, "admin");
        admin.get(PAGE);
        ResponsibilityItem before = list.find("R-016").orElseThrow();
        Set<String> deployments = formDeployments();

        ResponseEntity<String> tooLong = admin.post(PAGE, item("R-016", "路灯不亮", "urban", "30", true));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tooLong.getBody()).contains("办结时限（resolveDays）应为 3–15 个工作日", "value=\"30\"");
        Map<String, List<String>> withHelper = item("R-016", "路灯不亮", "urban", "3", true);
        withHelper.put("helperDepts", List.of("water"));
        assertThat(admin.post(PAGE, withHelper).getBody()).contains("基础事项不设协办部门（helperDepts）");
        assertThat(admin.post(PAGE, item("R-016", "路灯不亮", "urban", "三天", true)).getBody())
                .contains("办结时限（resolveDays）应填 3–15 的整数");

        assertThat(list.find("R-016")).contains(before);
        assertThat(formDeployments()).isEqualTo(deployments);
    }

    @Test
    void onlyAdministratorsMayOpenIt() {
        assertThat(rest.withBasicAuth("secretary", "demo").getForEntity(PAGE, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("center", "demo").getForEntity(PAGE, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A basic item of 市政设施, as the form posts it. */
    private static Map<String, List<String>> item(String code, String name, String lead, String days, boolean active) {
        Map<String, List<String>> form = new HashMap<>(Map.of("code", List.of(code), "name", List.of(name),
                "category", List.of("MUNICIPAL"), "kind", List.of(ResponsibilityList.BASIC), "leadDept", List.of(lead),
                "resolveDays", List.of(days)));
        if (active) {
            form.put("active", List.of("true"));
        }
        return form;
    }

    private Set<String> formDeployments() {
        return repository.createDeploymentQuery().deploymentName(TicketStartForm.DEPLOYMENT).list().stream()
                .map(Deployment::getId).collect(Collectors.toSet());
    }

    /** The start form of the one deployment made since {@code before}. */
    private String newestForm(Set<String> before) {
        List<Deployment> added = repository.createDeploymentQuery().deploymentName(TicketStartForm.DEPLOYMENT).list()
                .stream().filter(d -> !before.contains(d.getId())).toList();
        assertThat(added).as("one new deployment of the start form").hasSize(1);
        try (InputStream form = repository.getResourceAsStream(added.get(0).getId(), TicketStartForm.FORM_ID + ".form")) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
