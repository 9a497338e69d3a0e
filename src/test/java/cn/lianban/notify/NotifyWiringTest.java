package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.ITemplateEngine;

/** The beans wire up as Spring would build them (properties, optional Clock, health indicator name). */
class NotifyWiringTest {

    final NotifyFixture f = new NotifyFixture(1, 8);

    @AfterEach
    void close() {
        f.close();
    }

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(JdbcTemplate.class, () -> f.jdbc)
                .withBean(ITemplateEngine.class, NotifyFixture::templateEngine)
                .withBean(JavaMailSender.class, () -> mock(JavaMailSender.class))
                .withUserConfiguration(Notifier.class, MailOutbox.class, MailOutboxHealthIndicator.class)
                .withPropertyValues("lianban.base-url=https://lianban.example.cn/");
    }

    LocalDateTime createdAt() {
        return f.jdbc.queryForObject("SELECT created_at FROM mail_outbox", LocalDateTime.class);
    }

    @Test
    void usesAClockBeanAndTheBaseUrlProperty() {
        Clock fixed = Clock.fixed(NotifyFixture.START, ZoneOffset.UTC);
        runner().withBean(Clock.class, () -> fixed).run(context -> {
            assertThat(context).hasBean("mailOutboxHealthIndicator");
            context.getBean(Notifier.class).enqueue(MailKind.OVERDUE, List.of("urban@lianban.local"),
                    NotifierTest.caseModel(), "JH-2026-000042");
            assertThat(createdAt()).isEqualTo(LocalDateTime.of(2026, 3, 1, 2, 0));
            assertThat(f.jdbc.queryForObject("SELECT body_html FROM mail_outbox", String.class))
                    .contains("https://lianban.example.cn/camunda/app/tasklist/");
        });
    }

    @Test
    void startsWithTwoClockBeansAndKeepsTheSystemClock() {
        runner().withBean("one", Clock.class, () -> Clock.fixed(NotifyFixture.START, ZoneOffset.UTC))
                .withBean("two", Clock.class, Clock::systemUTC)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    context.getBean(Notifier.class).enqueue(MailKind.OVERDUE, List.of("urban@lianban.local"),
                            NotifierTest.caseModel(), "JH-2026-000042");
                    assertThat(createdAt()).isNotEqualTo(LocalDateTime.of(2026, 3, 1, 2, 0));
                });
    }
}
