package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** /admin/sms lists the queue in Chinese with masked phones, and its button sends a failed message again. */
class SmsAdminControllerTest {

    final NotifyFixture f = new NotifyFixture(1, 1);
    final FakeSmsSender provider = new FakeSmsSender();
    final SmsOutbox outbox = f.smsOutbox(provider, 1);
    final MockMvc mvc;

    SmsAdminControllerTest() {
        ThymeleafViewResolver views = new ThymeleafViewResolver();
        views.setTemplateEngine(NotifyFixture.templateEngine());
        views.setCharacterEncoding("UTF-8");
        mvc = MockMvcBuilders.standaloneSetup(new SmsAdminController(outbox)).setViewResolvers(views).build();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void listsFailedPendingAndSentWithMaskedPhonesAndRetriesAFailedOne() throws Exception {
        outbox.send("13812341234", "您的工单TK-2026-000042已受理。", SmsKind.TICKET_STATUS, "TK-2026-000042");
        outbox.sendPending();
        provider.down = true;
        outbox.send("13955556666", "您的预约B-20260301-ABC123已通过。", SmsKind.BOOKING_APPROVED, "B-20260301-ABC123");
        outbox.sendPending();
        outbox.send("13700007777", "您已由候补转为正式预约。", SmsKind.WAITLIST_PROMOTED, "B-20260301-XYZ789");
        long failedId = outbox.recent(OutboxStatus.FAILED, 1).get(0).id();

        String page = mvc.perform(get("/admin/sms")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("短信发送队列", "发送失败", "待发送", "最近发送", "重新发送",
                "<td>138****1234</td>", "<td>139****6666</td>", "<td>137****7777</td>",
                "<td>工单进展</td>", "<td>预约已通过</td>", "<td>候补转正</td>", "短信服务商未接受这条短信",
                "<summary>技术详情</summary>", "【联办】您的工单TK-2026-000042已受理。", "href=\"/cases/TK-2026-000042\"",
                "action=\"/admin/sms/" + failedId + "/retry\"", "<td>2026-03-01 10:00</td>")
                .doesNotContain("13812341234", "13955556666", "13700007777", ">TICKET_STATUS<", "2026-03-01T10:00")
                .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}");

        mvc.perform(post("/admin/sms/{id}/retry", failedId))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/sms"))
                .andExpect(flash().attribute("message", "短信 #" + failedId + " 已重新排队，将在下一轮发送。"));
        assertThat(outbox.find(failedId).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        mvc.perform(post("/admin/sms/{id}/retry", failedId))
                .andExpect(flash().attribute("message", "短信 #" + failedId + " 不是可重发的失败短信，未作处理。"));
    }
}
