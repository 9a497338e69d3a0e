package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.support.PageSession;
import cn.lianban.support.ProcessTestBase;
import cn.lianban.support.TicketDriver;

/**
 * The SMS of a ticket raised with a reporterPhone while the provider is down: none is lost, each is tried again with
 * backoff, and once given up they are listed on /admin/sms with the ticket, to be sent again.
 */
class TicketSmsProviderDownTest extends ProcessTestBase {

    @Autowired
    TicketDriver tickets;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    SmsOutbox outbox;
    @Autowired
    TestRestTemplate rest;

    @Test
    void aTicketsTextsAreRetriedAndListedWhenTheProviderIsDown() {
        ProcessInstance pi = tickets.raise("reporterPhone", "13700007777");
        String key = pi.getBusinessKey();
        assertThat(statuses(key)).containsExactly("PENDING", "PENDING"); // 待派单, 待接单

        FakeSmsSender down = new FakeSmsSender();
        down.down = true;
        SmsOutbox failing = new SmsOutbox(JdbcClient.create(jdbc), down, 2, clock);
        failing.sendPending();
        assertThat(statuses(key)).containsExactly("PENDING", "PENDING");
        assertThat(jdbc.queryForList("SELECT attempts FROM sms_outbox WHERE business_key = ? ORDER BY id",
                Integer.class, key)).as("the second waits behind the first, to keep their order").containsExactly(1, 0);
        for (int round = 0; round < 3; round++) { // first: its last attempt; second: its two
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofHours(1).toMillis()));
            failing.sendPending();
        }
        assertThat(statuses(key)).containsExactly("FAILED", "FAILED");

        ResponseEntity<String> page = new PageSession(rest, "admin").get("/admin/sms");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(key, "137****7777", "工单进展", "短信服务商未接受这条短信")
                .doesNotContain("13700007777");

        for (Long id : jdbc.queryForList("SELECT id FROM sms_outbox WHERE business_key = ?", Long.class, key)) {
            assertThat(outbox.retry(id)).isTrue();
        }
        outbox.sendPending(); // the application's provider (recording) takes them
        assertThat(statuses(key)).containsExactly("SENT", "SENT");
    }

    private List<String> statuses(String key) {
        return jdbc.queryForList("SELECT status FROM sms_outbox WHERE business_key = ? ORDER BY id", String.class, key);
    }
}
