package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The poller runs on the configured interval, sends batches until the queue is drained, keeps running after a failed
 * poll, and can be switched off.
 */
class MailOutboxSchedulerTest {

    @Configuration
    @EnableScheduling
    static class Scheduling {
    }

    final MailOutbox outbox = mock(MailOutbox.class);

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Scheduling.class, MailOutboxScheduler.class)
                .withBean(MailOutbox.class, () -> outbox);
    }

    @Test
    void pollsTheOutboxEvenAfterAFailure() {
        when(outbox.sendPending()).thenThrow(new IllegalStateException("database away")).thenReturn(0);
        runner().withPropertyValues("lianban.mail.poll-interval=PT0.05S").run(context -> {
            assertThat(context).hasSingleBean(MailOutboxScheduler.class);
            verify(outbox, timeout(5000).atLeast(3)).sendPending();
        });
    }

    @Test
    void onePollSendsBatchesUntilFewerThanABatchWereDue() {
        when(outbox.sendPending()).thenReturn(MailOutbox.BATCH, MailOutbox.BATCH, 3, 0);
        new MailOutboxScheduler(outbox).poll();
        verify(outbox, times(3)).sendPending();
    }

    @Test
    void canBeSwitchedOff() {
        runner().withPropertyValues("lianban.mail.scheduler-enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(MailOutboxScheduler.class);
            assertThat(context).hasSingleBean(MailOutbox.class);
        });
    }
}
