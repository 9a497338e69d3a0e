package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** The /admin/mail page renders the queue in Chinese and its button puts a failed mail back. */
class MailAdminControllerTest {

    final NotifyFixture f = new NotifyFixture(1, 8);
    final MockMvc mvc;

    MailAdminControllerTest() {
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(NotifyFixture.templateEngine());
        views.setCharacterEncoding("UTF-8");
        mvc = MockMvcBuilders.standaloneSetup(new MailAdminController(f.outbox)).setViewResolvers(views).build();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void listsFailedAndPendingMailsAndRetriesAFailedOne() throws Exception {
        f.notifier.enqueue(MailKind.ASSIGNED, List.of(), NotifierTest.caseModel(), "JH-2026-000042");
        f.notifier.enqueue(MailKind.REMINDER, List.of("housing@lianban.local"), NotifierTest.caseModel(),
                "JH-2026-000043");
        long failedId = f.outbox.recent(OutboxStatus.FAILED, 1).get(0).id();

        String page = mvc.perform(get("/admin/mail")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("邮件发送队列", "发送失败", "待发送", "JH-2026-000042",
                "JH-2026-000043", "【联办】JH-2026-000043 即将到期：小区路灯损坏", "重新发送",
                "action=\"/admin/mail/" + failedId + "/retry\"", "method=\"post\"");
        // kinds and reasons in Chinese, the server's words only behind 技术详情; times as people write them
        assertThat(page).contains("<td>交办通知</td>", "<td>到期提醒</td>", "没有收件人：收件单位没有登记邮箱",
                        "<summary>技术详情</summary>", "<td>2026-03-01 10:00</td>",
                        "title=\"【联办】JH-2026-000043 即将到期：小区路灯损坏\"", "title=\"housing@lianban.local\"",
                        "href=\"/cases/JH-2026-000042\"")
                .doesNotContain(">ASSIGNED<", ">REMINDER<", "2026-03-01T10:00").doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}");

        mvc.perform(post("/admin/mail/{id}/retry", failedId))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/mail"))
                .andExpect(flash().attribute("message", "邮件 #" + failedId + " 已重新排队，将在下一轮发送。"));
        assertThat(f.outbox.find(failedId).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);

        mvc.perform(post("/admin/mail/{id}/retry", failedId))
                .andExpect(flash().attribute("message", "邮件 #" + failedId + " 不是发送失败状态，未作处理。"));
    }

    @Test
    void failuresAreExplainedInChineseAndEveryKindHasAChineseName() {
        assertThat(MailAdminRow.reason("MailConnectException: Couldn't connect to host, port: 127.0.0.1, 1; timeout -1"
                + " (ConnectException: Connection refused)")).isEqualTo("无法连接邮件服务器");
        assertThat(MailAdminRow.reason("MailSendException: Mail server connection failed (SocketTimeoutException: Read"
                + " timed out)")).isEqualTo("无法连接邮件服务器");
        assertThat(MailAdminRow.reason("MessagingException: Exception reading response (SocketTimeoutException: Read"
                + " timed out)")).isEqualTo("邮件服务器响应超时");
        assertThat(MailAdminRow.reason("SendFailedException: Invalid Addresses")).isEqualTo("收件地址被邮件服务器拒收");
        assertThat(MailAdminRow.reason(null)).isEmpty();
        for (MailKind kind : MailKind.values()) {
            assertThat(MailAdminRow.kind(kind.name())).as(kind.name()).matches("[\\p{IsHan}]+");
        }
        assertThat(MailAdminRow.kind("SOMETHING_NEW")).isEqualTo("其他邮件");
    }

    @Test
    void anEmptyQueueSaysSo() throws Exception {
        String page = mvc.perform(get("/admin/mail")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("没有发送失败的邮件", "队列中没有待发送的邮件", "还没有发送过邮件");
    }
}
