package cn.lianban.notify;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import cn.lianban.support.MutableClock;

/**
 * The notify pieces wired by hand, without Spring Boot or the process engine: an in-memory H2 migrated
 * by Flyway, Thymeleaf reading the real templates, and a mail sender pointed at a test SMTP port.
 */
final class NotifyFixture implements AutoCloseable {

    static final String BASE_URL = "http://lianban.example:8080";
    static final Instant START = Instant.parse("2026-03-01T02:00:00Z"); // 10:00 in Beijing

    final DataSource dataSource;
    final JdbcTemplate jdbc;
    final MutableClock clock = new MutableClock(START, ZoneId.of("Asia/Shanghai"));
    final JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
    final Notifier notifier;
    final MailOutbox outbox;

    NotifyFixture(int smtpPort, int maxAttempts) {
        this(newH2(), smtpPort, maxAttempts);
    }

    NotifyFixture(DataSource dataSource, int smtpPort, int maxAttempts) {
        this.dataSource = dataSource;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        mailSender.setHost("127.0.0.1");
        mailSender.setPort(smtpPort);
        mailSender.getJavaMailProperties().putAll(Map.of(
                "mail.smtp.connectiontimeout", "2000", "mail.smtp.timeout", "2000", "mail.smtp.writetimeout", "2000"));
        notifier = new Notifier(jdbc, templateEngine(), BASE_URL, clock);
        outbox = new MailOutbox(JdbcClient.create(jdbc), mailSender, "lianban@lianban.local", maxAttempts, clock);
    }

    /** An SMS outbox on the same database and clock, sending through {@code sender}. */
    SmsOutbox smsOutbox(SmsSender sender, int maxAttempts) {
        return new SmsOutbox(JdbcClient.create(jdbc), sender, maxAttempts, clock);
    }

    /** As the application builds it: {@code parallel} phones at once on a pool the caller closes. */
    SmsOutbox smsOutbox(SmsSender sender, int maxAttempts, int parallel) {
        return new SmsOutbox(JdbcClient.create(jdbc), sender, maxAttempts, clock, parallel);
    }

    static DataSource newH2() {
        return new DriverManagerDataSource("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    static SpringTemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    OutboxMail only() {
        var all = jdbc.queryForList("SELECT id FROM mail_outbox", Long.class);
        if (all.size() != 1) {
            throw new AssertionError("expected one outbox row, found " + all.size());
        }
        return outbox.find(all.get(0)).orElseThrow();
    }

    long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Long.class);
    }

    @Override
    public void close() {
        if (dataSource instanceof DriverManagerDataSource) {
            jdbc.execute("SHUTDOWN");
        }
    }
}
