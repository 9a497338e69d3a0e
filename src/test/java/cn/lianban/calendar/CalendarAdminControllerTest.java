package cn.lianban.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The admin page with the real template, without a Spring context: security is configured elsewhere
 * and is not what is tested here.
 */
class CalendarAdminControllerTest {

    private static final DataSource DS = WorkingCalendarJdbcTest.h2("cal_admin");

    static {
        Flyway.configure().dataSource(DS).locations("classpath:db/migration").load().migrate();
    }

    private WorkingCalendar calendar;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        calendar = new WorkingCalendar(new JdbcTemplate(DS));
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(templates);
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(engine);
        views.setCharacterEncoding("UTF-8");
        mvc = MockMvcBuilders.standaloneSetup(new CalendarAdminController(calendar, Clock.systemUTC())).setViewResolvers(views).build();
    }

    @Test
    void listsAYear() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-02-16")))
                .andExpect(content().string(containsString("春节调休上班")))
                .andExpect(content().string(containsString("国办发明电〔2025〕7号")))
                .andExpect(content().string(not(containsString("2025-10-08"))));
        mvc.perform(get("/admin/calendar").param("year", "2040"))
                .andExpect(content().string(containsString("2040 年尚未登记节假日")));
    }

    @Test
    void editLinkFillsTheForm() throws Exception {
        mvc.perform(get("/admin/calendar").param("year", "2026").param("edit", "2026-09-20"))
                .andExpect(content().string(containsString("value=\"2026-09-20\"")))
                .andExpect(content().string(containsString("value=\"国庆节调休上班\"")));
    }

    @Test
    void savesAndDeletes() throws Exception {
        mvc.perform(post("/admin/calendar")
                        .param("date", "2031-01-06").param("kind", "HOLIDAY")
                        .param("name", "测试假日").param("source", "测试通知"))
                .andExpect(redirectedUrl("/admin/calendar?year=2031"))
                .andExpect(flash().attribute("message", containsString("已保存 2031-01-06")));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-06"))).isFalse();

        mvc.perform(post("/admin/calendar/2031-01-06/delete"))
                .andExpect(redirectedUrl("/admin/calendar?year=2031"));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2031-01-06"))).isTrue();
    }

    @Test
    void rejectedInputIsShownInChineseAndChangesNothing() throws Exception {
        // 2026-02-17 is a Tuesday: it cannot be a 调休上班 day; the 2026 rows stay as they were
        int before = calendar.days(2026).size();
        mvc.perform(post("/admin/calendar")
                        .param("date", "2026-02-17").param("kind", "WORKDAY")
                        .param("name", "错误").param("source", "测试"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("调休上班日（WORKDAY）只能是周六或周日")))
                .andExpect(content().string(containsString("value=\"错误\"")));
        assertThat(calendar.days(2026)).hasSize(before);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-17"))).isFalse();

        mvc.perform(post("/admin/calendar")
                        .param("date", "2026-13-40").param("kind", "HOLIDAY").param("name", "x").param("source", "y"))
                .andExpect(content().string(containsString("日期（date）格式应为 yyyy-MM-dd")));
        mvc.perform(post("/admin/calendar")
                        .param("date", "2026-03-02").param("kind", "HOLIDAY").param("name", "x").param("source", ""))
                .andExpect(content().string(containsString("依据（source）不能为空")));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-02"))).isTrue();
    }
}
