package cn.lianban.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.LianbanTest;

/**
 * The shared header of the project's pages names the person and offers the pages their login may open, no
 * more; the dashboard's filters offer only the login's own units.
 */
@LianbanTest
class PageHeaderTest {

    private static final Pattern HEADER = Pattern.compile("<header class=\"lb-header\".*?</header>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\"[^>]*>([^<]+)</a>");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecretarySeesHerNameAndOnlyHerPages() {
        String header = header("secretary", "/resources");
        assertThat(header).contains(name("secretary"), "社区书记", "修改密码", "退出", "name=\"_csrf\"");
        assertThat(links(header)).containsExactly(
                "任务 /camunda/app/tasklist/", "我的事项 /cases", "手机上报 /m", "数据看板 /dashboard",
                "双报到 /checkins", "需求认领 /pairing/needs", "资源清单 /resources", "活动 /activities");
        // the page the header is on is marked
        assertThat(header).containsPattern("<a href=\"/resources\"[^>]*class=\"lb-active\">资源清单</a>");
    }

    @Test
    void anAgencyMemberHasHisOwnPageNotTheSecretarysOnes() {
        String header = header("member", "/members/me");
        assertThat(header).contains("下沉党员");
        assertThat(links(header)).contains("我的服务 /members/me").doesNotContain("双报到 /checkins",
                "需求认领 /pairing/needs", "数据看板 /dashboard");
    }

    @Test
    void aDepartmentHasNeitherDashboardNorRates() {
        assertThat(links(header("housing", "/resources"))).containsExactly(
                "任务 /camunda/app/tasklist/", "我的事项 /cases", "资源清单 /resources", "活动 /activities");
    }

    @Test
    void theCityCenterGetsRatesAndCockpitButNotTheAdministration() {
        assertThat(links(header("center", "/resources"))).containsExactly(
                "任务 /camunda/app/tasklist/", "我的事项 /cases", "数据看板 /dashboard", "督办通报 /dashboard/supervision",
                "挂账台账 /issues/shelf", "三率排名 /tickets/rates", "双报到 /checkins", "资源清单 /resources",
                "活动 /activities", "流程监控 /camunda/app/cockpit/");
    }

    @Test
    void theStreetOnTheSupervisionListSeesThatLinkMarkedNotTheDashboards() {
        String header = header("street", "/dashboard/supervision");
        assertThat(links(header)).contains("数据看板 /dashboard", "督办通报 /dashboard/supervision",
                "单位管理 /admin/units", "人员管理 /admin/people").doesNotContain("组织目录 /admin/directory");
        assertThat(header).containsPattern("<a href=\"/dashboard/supervision\"[^>]*class=\"lb-active\">督办通报</a>")
                .doesNotContainPattern("<a href=\"/dashboard\"[^>]*class=\"lb-active\">");
    }

    @Test
    void anAdministratorGetsTheAdministrationPagesCockpitAndAdmin() {
        String header = header("admin", "/admin/mail");
        assertThat(header).contains("管理员");
        assertThat(links(header)).contains("邮件队列 /admin/mail", "短信队列 /admin/sms", "工作日历 /admin/calendar",
                "权责清单 /admin/responsibility", "组织目录 /admin/directory", "单位管理 /admin/units",
                "人员管理 /admin/people", "流程监控 /camunda/app/cockpit/", "用户与权限 /camunda/app/admin/");
    }

    @Test
    void residentsOnTheActivityPageGetTheSlimHeader() {
        ResponseEntity<String> page = rest.getForEntity("/activities", String.class);
        String header = first(HEADER, page.getBody());
        assertThat(links(header)).containsExactly("社区活动 /activities", "阵地预约 /venues", "工作人员登录 /login");
        assertThat(header).doesNotContain("退出", "修改密码");
    }

    @Test
    void theDashboardOffersASecretaryOnlyHerCommunity() {
        ResponseEntity<String> page = rest.withBasicAuth("secretary", "demo").getForEntity("/dashboard", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).doesNotContain("name=\"street\"", "name=\"area\"");
        assertThat(options(page.getBody(), "community")).containsExactly("", "C-DL-01");
    }

    @Test
    void theDashboardOffersACommitteeItsAreaAndItsCommunities() {
        String areaOfA = jdbc.queryForObject("SELECT area_code FROM community WHERE code = 'C-DL-01'", String.class);
        List<String> ofArea = jdbc.queryForList("SELECT code FROM community WHERE area_code = ? ORDER BY code",
                String.class, areaOfA);
        String page = rest.withBasicAuth("committee", "demo").getForEntity("/dashboard", String.class).getBody();
        assertThat(page).doesNotContain("name=\"street\"");
        assertThat(options(page, "area")).containsExactly("", areaOfA);
        assertThat(options(page, "community")).containsExactlyInAnyOrderElementsOf(withAll(ofArea));
    }

    @Test
    void theDashboardOffersTheCityCenterEverything() {
        String page = rest.withBasicAuth("center", "demo").getForEntity("/dashboard", String.class).getBody();
        assertThat(options(page, "street")).hasSize(1 + jdbc.queryForObject("SELECT COUNT(*) FROM street", Integer.class));
        assertThat(options(page, "community"))
                .hasSize(1 + jdbc.queryForObject("SELECT COUNT(*) FROM community", Integer.class));
    }

    private String header(String user, String path) {
        ResponseEntity<String> page = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return first(HEADER, page.getBody());
    }

    private String name(String login) {
        return jdbc.queryForObject("SELECT name FROM person WHERE login = ?", String.class, login);
    }

    /** The header's links as "label href", in order. */
    private static List<String> links(String header) {
        return LINK.matcher(header).results().map(m -> m.group(2).strip() + " " + m.group(1)).toList();
    }

    /** The option values of a select of the page, "" for 全部. */
    private static List<String> options(String page, String select) {
        String list = first(Pattern.compile("<select name=\"" + select + "\">(.*?)</select>", Pattern.DOTALL), page);
        return Pattern.compile("<option value=\"([^\"]*)\"").matcher(list).results().map(m -> m.group(1)).toList();
    }

    private static List<String> withAll(List<String> codes) {
        return Stream.concat(Stream.of(""), codes.stream()).toList();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in the page", pattern).isTrue();
        return m.groupCount() > 0 ? m.group(1) : m.group();
    }
}
