package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.LianbanTest;
import cn.lianban.support.PageSession;

/** /admin/sms in the running application: the admin sees it in Chinese with masked phones, others get 403. */
@LianbanTest
class SmsAdminPageTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    SmsOutbox outbox;

    @Test
    void onlyTheAdminSeesTheQueueAndPhonesAreMasked() {
        outbox.send("13812348765", "您的工单TK-2026-000099已受理。", SmsKind.TICKET_STATUS, "TK-2026-000099");

        ResponseEntity<String> page = new PageSession(rest, "admin").get("/admin/sms");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("短信发送队列", "待发送", "138****8765", "工单进展", "短信队列")
                .doesNotContain("13812348765", "TICKET_STATUS");

        for (String user : new String[]{"secretary", "center", "street"}) {
            assertThat(new PageSession(rest, user).get("/admin/sms").getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }
}
