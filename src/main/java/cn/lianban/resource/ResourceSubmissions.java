package cn.lianban.resource;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.Conflict;
import cn.lianban.common.NotFound;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.directory.UnitType;
import cn.lianban.notify.MailKind;
import cn.lianban.notify.Notifier;

/**
 * The monthly cycle of the resource lists (issue 15, point 4): a department submits its items for next month and
 * may edit or withdraw them until the city center decides; the center approves or returns each with a reason and
 * publishes the month, which puts the approved items on the list. The first publishing of a month mails every
 * community; publishing again adds what was approved since, without a second mail. Every step is logged in
 * {@code resource_review} (who, when, what).
 */
@Service
class ResourceSubmissions {

    static final int REASON_MAX = 500;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final ResourceList list;
    private final Directory directory;
    private final Notifier notifier;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ResourceSubmissions(JdbcTemplate jdbc, ResourceList list, Directory directory, Notifier notifier, Clock clock,
                        ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.list = list;
        this.directory = directory;
        this.notifier = notifier;
        this.clock = clock;
        this.events = events;
    }

    /** The month departments submit for: the one after today's. */
    YearMonth nextMonth() {
        return YearMonth.now(clock).plusMonths(1);
    }

    /**
     * A department's new item for next month, 待审核. Items may be submitted after the month is published: the
     * center reviews them and publishes again (补充发布).
     *
     * @return the item's code
     */
    @Transactional
    public String submit(String login, String dept, ResourceList.Draft draft) {
        ResourceItem item = checkOwn(dept, draft, null);
        String code = list.nextCode(YearMonth.parse(item.listMonth()));
        try {
            jdbc.update("INSERT INTO resource_item(code, list_month, category, name, description, dept_code, capacity, "
                            + "budget, committed, taken, valid_from, valid_to, published, review_state, submitted_by) "
                            + "VALUES (?,?,?,?,?,?,?,?,0,0,?,?,FALSE,'SUBMITTED',?)",
                    code, item.listMonth(), item.category(), item.name(), item.description(), dept, item.capacity(),
                    item.budget(), Date.valueOf(item.validFrom()), Date.valueOf(item.validTo()), login);
        } catch (DuplicateKeyException someoneElseSubmitted) {
            throw new ResourceList.InvalidItem(Map.of("name", "同时有人提交了项目，请再提交一次"));
        }
        log(item.listMonth(), code, item.name(), dept, "SUBMITTED", login, null);
        return code;
    }

    /** The department changes its item while the center has not approved it; it waits for review again. */
    @Transactional
    public void edit(String login, String dept, String code, ResourceList.Draft draft) {
        Submission own = ownOpen(dept, code);
        ResourceItem item = checkOwn(dept, new ResourceList.Draft(own.listMonth(), draft.category(), draft.name(),
                draft.description(), dept, draft.capacity(), draft.budget(), draft.validFrom(), draft.validTo()), code);
        jdbc.update("UPDATE resource_item SET category = ?, name = ?, description = ?, capacity = ?, budget = ?, "
                        + "valid_from = ?, valid_to = ?, review_state = 'SUBMITTED', return_reason = NULL "
                        + "WHERE code = ? AND review_state IN ('SUBMITTED', 'RETURNED')",
                item.category(), item.name(), item.description(), item.capacity(), item.budget(),
                Date.valueOf(item.validFrom()), Date.valueOf(item.validTo()), code);
        log(own.listMonth(), code, item.name(), dept, "EDITED", login, null);
    }

    /** The department takes its item back before the center approved it. */
    @Transactional
    public void withdraw(String login, String dept, String code) {
        Submission own = ownOpen(dept, code);
        jdbc.update("DELETE FROM resource_item WHERE code = ? AND review_state IN ('SUBMITTED', 'RETURNED')", code);
        log(own.listMonth(), code, own.name(), dept, "WITHDRAWN", login, null);
    }

    /** A department's items of a month, whatever their state. */
    public List<Submission> ofDepartment(String dept, YearMonth month) {
        return client.sql(SELECT + "WHERE i.list_month = ? AND i.dept_code = ? AND i.submitted_by IS NOT NULL "
                + "ORDER BY i.code").params(month.toString(), dept).query(Submission.class).list();
    }

    /** What departments submitted for a month, by department and code, for the city center. */
    public List<Submission> ofMonth(YearMonth month) {
        return client.sql(SELECT + "WHERE i.list_month = ? AND i.submitted_by IS NOT NULL ORDER BY d.name, i.code")
                .param(month.toString()).query(Submission.class).list();
    }

    /** 通过: the item goes on the list when the month is next published. */
    @Transactional
    public void approve(String login, String code) {
        Submission s = decide(code, List.of("SUBMITTED"), "APPROVED", null);
        log(s.listMonth(), code, s.name(), s.deptCode(), "APPROVED", login, null);
    }

    /**
     * 退回修改 with the center's reason (checked by the page's {@code ReturnReason}); an approved item not yet
     * published may still be returned.
     */
    @Transactional
    public void sendBack(String login, String code, String reason) {
        Submission s = decide(code, List.of("SUBMITTED", "APPROVED"), "RETURNED", reason);
        log(s.listMonth(), code, s.name(), s.deptCode(), "RETURNED", login, reason);
    }

    /**
     * 发布: the month's approved items become its published list. The first publishing records the month and
     * queues one mail to each community; a later one adds the items approved since and mails nothing.
     *
     * @return the month's publication, and how many items this publishing added
     */
    @Transactional
    public Published publish(String login, YearMonth month) {
        int added = jdbc.update("UPDATE resource_item SET published = TRUE, review_state = 'PUBLISHED' "
                + "WHERE list_month = ? AND review_state = 'APPROVED'", month.toString());
        Optional<Publication> before = publication(month);
        boolean first = before.isEmpty();
        if (first) {
            jdbc.update("INSERT INTO resource_month(list_month, published_at, published_by, mailed) VALUES (?,?,?,0)",
                    month.toString(), Timestamp.valueOf(LocalDateTime.now(clock)), login);
            int mailed = mailCommunities(month);
            jdbc.update("UPDATE resource_month SET mailed = ? WHERE list_month = ?", mailed, month.toString());
        }
        log(month.toString(), null, null, null, "PUBLISHED", login,
                (first ? "发布" : "补充发布") + "，新增" + added + "项");
        events.publishEvent(new ResourceListPublished(month));
        return new Published(publication(month).orElseThrow(), added, first);
    }

    /** A month's publication, if it was published through the cycle (or recorded for the demo). */
    public Optional<Publication> publication(YearMonth month) {
        return client.sql("SELECT list_month, published_at, published_by, mailed FROM resource_month WHERE list_month = ?")
                .param(month.toString()).query(Publication.class).optional();
    }

    /** Records a month as published without mailing anyone: the demo's lists, typed before the cycle existed. */
    void recordPublished(YearMonth month, String login) {
        if (publication(month).isEmpty()) {
            jdbc.update("INSERT INTO resource_month(list_month, published_at, published_by, mailed) VALUES (?,?,?,0)",
                    month.toString(), Timestamp.valueOf(month.atDay(1).atStartOfDay()), login);
        }
    }

    /** The log of a month, newest first; for one department only its own items. */
    public List<Decision> decisions(YearMonth month, String deptOrNull) {
        String sql = "SELECT r.item_code, r.item_name, r.dept_code, r.action, r.actor, p.name AS actor_name, "
                + "r.acted_at, r.note FROM resource_review r LEFT JOIN person p ON p.login = r.actor WHERE r.list_month = ?";
        return deptOrNull == null
                ? client.sql(sql + " ORDER BY r.id DESC").param(month.toString()).query(Decision.class).list()
                : client.sql(sql + " AND r.dept_code = ? ORDER BY r.id DESC").params(month.toString(), deptOrNull)
                        .query(Decision.class).list();
    }

    private int mailCommunities(YearMonth month) {
        int items = jdbc.queryForObject("SELECT COUNT(*) FROM resource_item WHERE list_month = ? AND published",
                Integer.class, month.toString());
        String monthLabel = monthLabel(month);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", monthLabel + "资源清单（共" + items + "项）");
        model.put("monthLabel", monthLabel);
        model.put("itemCount", items);
        model.put("listPath", "/resources?month=" + month);
        int mailed = 0;
        for (Community c : directory.communities()) {
            Map<String, Object> m = new LinkedHashMap<>(model);
            m.put("recipientName", c.name());
            notifier.enqueue(MailKind.RESOURCE_LIST_PUBLISHED, directory.emailsOf(UnitType.COMMUNITY.group(c.code())), m,
                    null);
            mailed++;
        }
        return mailed;
    }

    static String monthLabel(YearMonth month) {
        return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    private ResourceItem checkOwn(String dept, ResourceList.Draft draft, String editing) {
        ResourceItem item = list.check(new ResourceList.Draft(draft.month(), draft.category(), draft.name(),
                draft.description(), dept, draft.capacity(), draft.budget(), draft.validFrom(), draft.validTo()), editing);
        YearMonth next = nextMonth();
        if (editing == null && !next.toString().equals(item.listMonth())) {
            throw new ResourceList.InvalidItem(Map.of("month", "只能申报下月（" + monthLabel(next) + "）的项目"));
        }
        YearMonth month = YearMonth.parse(item.listMonth());
        if (item.validFrom().isBefore(month.atDay(1)) || item.validTo().isAfter(month.atEndOfMonth())) {
            throw new ResourceList.InvalidItem(Map.of("validTo", "有效期须在" + monthLabel(month) + "之内"));
        }
        return item;
    }

    /** The department's own item that the center has not approved yet; another department's is not found. */
    private Submission ownOpen(String dept, String code) {
        Submission s = find(code).filter(i -> i.deptCode().equals(dept))
                .orElseThrow(() -> new NotFound("no_item", "本部门没有项目 " + code));
        if (!s.open()) {
            throw new Conflict("item_decided", "项目“" + s.name() + "”" + s.stateLabel() + "，不能再修改或撤回");
        }
        return s;
    }

    private Submission decide(String code, List<String> from, String to, String reason) {
        Submission s = find(code).orElseThrow(() -> new NotFound("no_item", "没有申报项目 " + code));
        if (!from.contains(s.reviewState())) {
            throw new Conflict("item_decided", "项目“" + s.name() + "”" + s.stateLabel() + "，不能" +
                    ("APPROVED".equals(to) ? "通过" : "退回"));
        }
        int rows = jdbc.update("UPDATE resource_item SET review_state = ?, return_reason = ? WHERE code = ? "
                + "AND review_state = ?", to, reason, code, s.reviewState());
        if (rows != 1) {
            throw new Conflict("item_decided", "项目“" + s.name() + "”刚被修改，请刷新后再审核");
        }
        return s;
    }

    Optional<Submission> find(String code) {
        return client.sql(SELECT + "WHERE i.code = ? AND i.submitted_by IS NOT NULL").param(code)
                .query(Submission.class).optional();
    }

    private void log(String month, String code, String name, String dept, String action, String login, String note) {
        jdbc.update("INSERT INTO resource_review(list_month, item_code, item_name, dept_code, action, actor, acted_at, "
                        + "note) VALUES (?,?,?,?,?,?,?,?)", month, code, name, dept, action, login,
                Timestamp.valueOf(LocalDateTime.now(clock)), note);
    }

    private static final String SELECT = "SELECT i.code, i.list_month, i.category, c.name AS category_name, i.name, "
            + "i.description, i.dept_code, d.name AS dept_name, i.capacity, i.budget, i.valid_from, i.valid_to, "
            + "i.review_state, i.return_reason FROM resource_item i JOIN resource_category c ON c.code = i.category "
            + "LEFT JOIN department d ON d.code = i.dept_code ";

    /** A department's item as the cycle shows it. */
    public record Submission(String code, String listMonth, String category, String categoryName, String name,
                             String description, String deptCode, String deptName, Integer capacity, BigDecimal budget,
                             LocalDate validFrom, LocalDate validTo, String reviewState, String returnReason) {

        /** 待审核, 退回修改, 已通过, 已发布. */
        public String stateLabel() {
            return switch (reviewState) {
                case "SUBMITTED" -> "待审核";
                case "RETURNED" -> "退回修改";
                case "APPROVED" -> "已通过";
                default -> "已发布";
            };
        }

        /** Still the department's to edit or withdraw. */
        public boolean open() {
            return "SUBMITTED".equals(reviewState) || "RETURNED".equals(reviewState);
        }
    }

    /** A month's publication; {@code mailed} counts the communities told. */
    public record Publication(String listMonth, LocalDateTime publishedAt, String publishedBy, int mailed) {

        /** 2026年11月25日. */
        public String dateLabel() {
            return DAY.format(publishedAt);
        }
    }

    /** What a publishing did: the month's publication, the items it added, whether it was the first. */
    public record Published(Publication publication, int added, boolean first) {
    }

    /** One step of the cycle: who did what to which item, and when. */
    public record Decision(String itemCode, String itemName, String deptCode, String action, String actor,
                           String actorName, LocalDateTime actedAt, String note) {

        public String actionLabel() {
            return switch (action) {
                case "SUBMITTED" -> "提交申报";
                case "EDITED" -> "修改申报";
                case "WITHDRAWN" -> "撤回申报";
                case "APPROVED" -> "审核通过";
                case "RETURNED" -> "退回修改";
                default -> "发布清单";
            };
        }

        /** 2026-11-25 09:30. */
        public String atLabel() {
            return actedAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        }

        public String who() {
            return actorName == null ? actor : actorName;
        }
    }
}
