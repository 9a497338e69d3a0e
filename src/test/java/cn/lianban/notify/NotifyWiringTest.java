package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.ITemplateEngine;

import cn.lianban.common.ApiException;
import cn.lianban.common.EngineClock;
import cn.lianban.common.ResidentQuota;
import cn.lianban.security.login.LoginThrottle;
import cn.lianban.support.MutableClock;

/** The beans wire up as Spring would build them (properties, the one Clock bean, health indicator name). */
class NotifyWiringTest {

    final NotifyFixture f = new NotifyFixture(1, 8);

    @AfterEach
    void close() {
        f.close();
    }

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withBean(JdbcTemplate.class, () -> f.jdbc)
                .withBean(JdbcClient.class, () -> JdbcClient.create(f.jdbc))
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

    /** The application has one Clock bean, the engine's in Beijing time ({@link EngineClock}); all of these take it. */
    @Test
    void theOutboxAndTheThrottlesRunOnTheApplicationsClockBean() {
        MutableClock clock = new MutableClock(NotifyFixture.START, EngineClock.ZONE);
        runner().withBean(Clock.class, () -> clock)
                .withInitializer(c -> c.getBeanFactory() // durations in properties, as Boot reads them
                        .setConversionService(ApplicationConversionService.getSharedInstance()))
                .withUserConfiguration(LoginThrottle.class, ResidentQuota.class)
                .withPropertyValues("lianban.residents.per-phone-per-hour=1")
                .run(context -> {
                    context.getBean(Notifier.class).enqueue(MailKind.OVERDUE, List.of("urban@lianban.local"),
                            NotifierTest.caseModel(), "JH-2026-000042");
                    assertThat(createdAt()).as("10:00 in Beijing").isEqualTo(LocalDateTime.of(2026, 3, 1, 10, 0));
                    assertThat(context.getBean(MailOutbox.class).zone()).isEqualTo(EngineClock.ZONE);

                    LoginThrottle logins = context.getBean(LoginThrottle.class);
                    logins.failed("secretary", "10.0.0.1");
                    assertThat(logins.standings()).allSatisfy(
                            s -> assertThat(s.lastFailure()).isEqualTo(NotifyFixture.START));

                    ResidentQuota residents = context.getBean(ResidentQuota.class);
                    residents.spend(ResidentQuota.Kind.BOOKING, "13800000001", "10.0.0.1", () -> "预约");
                    assertThatThrownBy(() -> residents.spend(ResidentQuota.Kind.BOOKING, "13800000001", "10.0.0.1",
                            () -> "预约")).isInstanceOf(ApiException.class);
                    clock.advance(Duration.ofHours(1));
                    assertThat(residents.spend(ResidentQuota.Kind.BOOKING, "13800000001", "10.0.0.1", () -> "预约"))
                            .as("an hour later on the same clock").isEqualTo("预约");
                });
    }
}
