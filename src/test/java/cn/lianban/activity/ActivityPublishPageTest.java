package cn.lianban.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;
import cn.lianban.venue.Venue;
import cn.lianban.venue.Venues;

/**
 * The demo activities are there for residents, and a unit publishes one on its page: among the venues it may
 * use, with Chinese messages for what is refused, behind a login and a CSRF token.
 */
@LianbanTest
class ActivityPublishPageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Venues venues;

    @Test
    void residentsFindTheDemoActivitiesSomeFullWithAWaitingList() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE published_by = ?", Integer.class,
                DemoActivityGenerator.PUBLISHER)).isEqualTo(DemoActivityGenerator.ACTIVITIES);
        String page = rest.getForObject("/activities", String.class);
        assertThat(page).contains("重阳敬老茶话会", "党史学习读书会", "已满，现在报名将进入候补", "报名候补")
                .containsPattern("候补\\s*<strong>[1-9]</strong>");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT a.unit_group) FROM activity a WHERE published_by = ?",
                Integer.class, DemoActivityGenerator.PUBLISHER)).isGreaterThan(3);
    }

    @Test
    void aSecretaryPublishesAtAVenueOfHerCommunityOrArea() {
        String area = jdbc.queryForObject("SELECT area_code FROM community WHERE code = 'C-DL-01'", String.class);
        List<Venue> usable = venues.usableBy("community:C-DL-01");
        assertThat(usable).isNotEmpty().anyMatch(v -> v.level() == Venue.AREA).allMatch(v ->
                "C-DL-01".equals(v.communityCode()) || v.level() == Venue.AREA && area.equals(v.areaCode()));
        Venue venue = usable.get(0);
        Venue elsewhere = venues.usableBy("community:C-XJ-01").get(0);
        PageSession secretary = new PageSession(rest, "secretary");

        String form = secretary.get("/activities/new").getBody();
        assertThat(form).contains("发布活动", "name=\"_csrf\"", "value=\"" + venue.code() + "\"", venue.name())
                .doesNotContain("value=\"" + elsewhere.code() + "\"").contains("lb-header");

        String day = LocalDate.now(WorkingCalendar.ZONE).plusDays(12).toString();
        ResponseEntity<String> backwards = secretary.post("/activities/new", fields(venue.code(), "楼道安全讲座", day,
                "11:00", "09:00", "20"));
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(backwards.getBody()).contains("结束时间应晚于开始时间", "value=\"楼道安全讲座\"")
                .doesNotContain("endsAt", "startsAt");
        assertThat(secretary.post("/activities/new", fields(venue.code(), "楼道安全讲座", "", "09:00", "11:00", "20"))
                .getBody()).contains("请填写活动日期");
        assertThat(secretary.post("/activities/new", fields(venue.code(), "楼道安全讲座", day, "09:00", "11:00", "很多"))
                .getBody()).contains("名额应填整数人数");
        ResponseEntity<String> foreign = secretary.post("/activities/new", fields(elsewhere.code(), "楼道安全讲座", day,
                "09:00", "11:00", "20"));
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(foreign.getBody()).contains("请从列表中选择本单位可以使用的阵地");
        assertThat(count("楼道安全讲座")).isZero();

        String done = secretary.post("/activities/new", fields(venue.code(), "楼道安全讲座", day, "09:00", "11:00",
                String.valueOf(Math.min(20, venue.capacity())))).getBody();
        assertThat(done).contains("已发布「楼道安全讲座」", venue.name()).containsPattern("<td>楼道安全讲座</td>");
        assertThat(count("楼道安全讲座")).isOne();
        assertThat(jdbc.queryForObject("SELECT unit_group FROM activity WHERE title = '楼道安全讲座'", String.class))
                .isEqualTo("community:C-DL-01");
        assertThat(rest.getForObject("/activities", String.class)).contains("楼道安全讲座");
    }

    @Test
    void onlyPublishingUnitsWithALoginGetTheForm() {
        // sent to the login page (the test client follows the redirect)
        assertThat(rest.getForObject("/activities/new", String.class)).contains("id=\"username\"")
                .doesNotContain("id=\"publish\"");
        ResponseEntity<String> gridworker = new PageSession(rest, "gridworker").get("/activities/new");
        assertThat(gridworker.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(gridworker.getBody()).contains(ActivityPublishPage.NOT_A_PUBLISHER).doesNotContain("id=\"publish\"");
        String center = new PageSession(rest, "center").get("/activities/new").getBody();
        assertThat(center).contains("市级党群服务中心", "片区党群服务中心", "市城市党建服务中心");
    }

    private int count(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM activity WHERE title = ?", Integer.class, title);
    }

    private static Map<String, List<String>> fields(String venue, String title, String date, String starts,
                                                    String ends, String capacity) {
        return Map.of("venueCode", List.of(venue), "title", List.of(title), "date", List.of(date),
                "starts", List.of(starts), "ends", List.of(ends), "capacity", List.of(capacity),
                "description", List.of("请带好笔记本"));
    }
}
