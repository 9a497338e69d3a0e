package cn.lianban.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.exceptions.TemplateProcessingException;

/** Enqueueing: rendering, what is stored, and that it follows the caller's transaction. */
class NotifierTest {

    final NotifyFixture f = new NotifyFixture(1, 8); // no mail is sent here

    @AfterEach
    void close() {
        f.close();
    }

    static Map<String, Object> caseModel() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "小区路灯损坏");
        m.put("description", "东岭小区3号楼至5号楼之间路灯损坏，夜间出行不便。");
        m.put("communityName", "东岭社区");
        m.put("color", "YELLOW");
        m.put("level", 3);
        m.put("leadDeptName", "住建局");
        m.put("coDeptNames", List.of("城管局", "供电公司"));
        m.put("dueDate", LocalDate.of(2026, 3, 10));
        return m;
    }

    String body(long id) {
        return f.jdbc.queryForObject("SELECT body_html FROM mail_outbox WHERE id = ?", String.class, id);
    }

    @Test
    void storesARenderedPendingMail() {
        f.notifier.enqueue(MailKind.ASSIGNED, List.of(" housing@lianban.local ", "urban@lianban.local",
                "housing@lianban.local"), caseModel(), "JH-2026-000042");

        OutboxMail mail = f.only();
        assertThat(mail.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(mail.subject()).isEqualTo("【联办】JH-2026-000042 已交办：小区路灯损坏");
        assertThat(mail.recipients()).isEqualTo("housing@lianban.local,urban@lianban.local");
        assertThat(mail.kind()).isEqualTo("ASSIGNED");
        assertThat(mail.businessKey()).isEqualTo("JH-2026-000042");
        assertThat(mail.attempts()).isZero();
        assertThat(mail.nextAttemptAt()).isEqualTo(mail.createdAt());
        assertThat(mail.withCalendar()).isFalse();
        assertThat(body(mail.id())).contains("小区路灯损坏", "东岭社区", "黄", "第3级 片区", "住建局",
                "城管局、供电公司", "2026-03-10", "JH-2026-000042",
                "href=\"http://lianban.example:8080/camunda/app/tasklist/\"");
    }

    @Test
    void theRatingIsColouredByTheCaseColourWhateverItsLabelSays() {
        Map<String, Object> red = caseModel();
        red.put("color", "RED");
        red.put("colorLabel", "红色");
        f.notifier.enqueue(MailKind.ASSIGNED, List.of("a@lianban.local"), red, "JH-2026-000042");
        f.notifier.enqueue(MailKind.ASSIGNED, List.of("a@lianban.local"), caseModel(), "JH-2026-000043");

        List<OutboxMail> mails = f.outbox.recent(OutboxStatus.PENDING, 10);
        assertThat(body(mails.get(1).id())).contains("color:#c62828;").contains(">红色<");
        assertThat(body(mails.get(0).id())).contains("color:#a67c00;").doesNotContain("color:#c62828;");
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyTemplateRendersWithAFullAndAnEmptyModel(MailKind kind) {
        Map<String, Object> model = caseModel();
        model.putAll(Map.of("previousLevel", 2, "result", "已更换路灯", "satisfied", true, "satisfaction", 5,
                "escalations", 1, "comment", "同意升级", "overdueDays", 2, "recipientName", "住建局"));
        f.notifier.enqueue(kind, List.of("a@lianban.local"), model, "JH-2026-000001");
        f.notifier.enqueue(kind, List.of("a@lianban.local"), Map.of(), null);
        f.notifier.enqueue(kind, List.of("a@lianban.local"), null, null);

        List<OutboxMail> mails = f.outbox.recent(OutboxStatus.PENDING, 10);
        assertThat(mails).hasSize(3).allSatisfy(m -> assertThat(m.lastError()).isNull());
        String full = body(mails.get(2).id());
        assertThat(full).contains("小区路灯损坏", "住建局：").doesNotContain("null");
        assertThat(mails.get(2).subject()).startsWith("【联办】JH-2026-000001 " + kind.subjectPhrase());
        String empty = body(mails.get(1).id());
        assertThat(empty).contains("您好：", "/camunda/app/tasklist/").doesNotContain("null");
        assertThat(mails.get(1).subject()).isEqualTo("【联办】" + kind.subjectPhrase());
    }

    @Test
    void kindSpecificFieldsAreShown() {
        Map<String, Object> m = caseModel();
        m.put("level", "4");
        m.put("previousLevel", 3L);
        m.put("comment", "同意升级至街道");
        f.notifier.enqueue(MailKind.ESCALATED, List.of("street@lianban.local"), m, "JH-2026-000007");
        OutboxMail escalated = f.only();
        assertThat(escalated.subject()).isEqualTo("【联办】JH-2026-000007 已升级至第4级 街道：小区路灯损坏");
        assertThat(body(escalated.id())).contains("在第3级 片区超期未办结", "已升级至第4级 街道办理", "同意升级至街道");

        f.jdbc.update("DELETE FROM mail_outbox");
        Map<String, Object> closed = caseModel();
        closed.putAll(Map.of("satisfied", false, "satisfaction", 2, "result", "已协调供电公司维修"));
        f.notifier.enqueue(MailKind.CLOSED, List.of("c-dl@lianban.local"), closed, "JH-2026-000008");
        assertThat(body(f.only().id())).contains("不满意", "2 / 5", "已协调供电公司维修", "已办结");

        f.jdbc.update("DELETE FROM mail_outbox");
        f.notifier.enqueue(MailKind.REMINDER, List.of("housing@lianban.local"), caseModel(), "JH-2026-000009");
        assertThat(body(f.only().id())).contains("将于 2026-03-10 到期，仅剩一个工作日");
    }

    @Test
    void noRecipientsIsStoredAsFailedSoItShows() {
        f.notifier.enqueue(MailKind.ASSIGNED, Collections.emptyList(), caseModel(), "JH-2026-000042");
        f.notifier.enqueue(MailKind.CLOSED, java.util.Arrays.asList(null, " "), caseModel(), "JH-2026-000043");
        f.notifier.enqueue(MailKind.OVERDUE, null, caseModel(), "JH-2026-000044");

        List<OutboxMail> failed = f.outbox.recent(OutboxStatus.FAILED, 10);
        assertThat(failed).hasSize(3).allSatisfy(m -> {
            assertThat(m.lastError()).isEqualTo("no recipients");
            assertThat(m.recipients()).isEmpty();
        });
        assertThat(f.outbox.recent(OutboxStatus.PENDING, 10)).isEmpty();
    }

    @Test
    void followsTheCallersTransaction() {
        f.transactions().executeWithoutResult(tx -> {
            f.notifier.enqueue(MailKind.ASSIGNED, List.of("housing@lianban.local"), caseModel(), "JH-2026-000042");
            tx.setRollbackOnly(); // the case step failed
        });
        assertThat(f.rows()).isZero();

        f.transactions().executeWithoutResult(tx ->
                f.notifier.enqueue(MailKind.ASSIGNED, List.of("housing@lianban.local"), caseModel(), "JH-2026-000042"));
        assertThat(f.rows()).isOne();
    }

    @Test
    void aLongRecipientListIsSplitInsteadOfFailingTheCaseStep() {
        List<String> many = IntStream.range(0, 120).mapToObj(i -> "department-" + i + "@lianban.local").toList();
        f.notifier.enqueue(MailKind.MEETING_INVITATION, many, caseModel(), "JH-2026-000042");

        List<OutboxMail> rows = f.outbox.recent(OutboxStatus.PENDING, 10);
        assertThat(rows).hasSizeGreaterThan(1)
                .allSatisfy(r -> assertThat(r.recipients().length()).isLessThanOrEqualTo(2000));
        assertThat(rows.stream().flatMap(r -> List.of(r.recipients().split(",")).stream()))
                .containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    void aBrokenTemplateKeepsTheCaseStepAndMarksTheMailFailed() {
        ITemplateEngine broken = (ITemplateEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ITemplateEngine.class}, (proxy, method, args) -> {
                    throw new TemplateProcessingException("boom");
                });
        Notifier notifier = new Notifier(f.jdbc, broken, NotifyFixture.BASE_URL, f.clock);
        notifier.enqueue(MailKind.ASSIGNED, List.of("housing@lianban.local"), caseModel(), "JH-2026-000042");

        OutboxMail mail = f.only();
        assertThat(mail.status()).isEqualTo(OutboxStatus.FAILED);
        assertThat(mail.lastError()).startsWith("template rendering failed").contains("boom");
        assertThat(body(mail.id())).contains("小区路灯损坏", "JH-2026-000042");
    }

    @Test
    void labels() {
        assertThat(MailModel.colorLabel("GREEN")).isEqualTo("绿");
        assertThat(MailModel.colorLabel("red")).isEqualTo("红");
        assertThat(MailModel.levelLabel(5)).isEqualTo("第5级 市级");
        assertThat(MailModel.levelLabel("1")).isEqualTo("第1级 网格");
        assertThat(MailModel.levelLabel("x")).isEqualTo("x");
        assertThat(MailModel.display(java.time.Instant.parse("2026-03-02T01:30:00Z"))).isEqualTo("2026-03-02 09:30");
        assertThat(MailModel.display(java.util.Date.from(java.time.Instant.parse("2026-03-09T16:00:00Z"))))
                .isEqualTo("2026-03-10");
    }
}
