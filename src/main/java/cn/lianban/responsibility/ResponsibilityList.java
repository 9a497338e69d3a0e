package cn.lianban.responsibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 权责清单: which department handles which kind of problem raised in a grid or community, and within how
 * many working days (Flyway V5). Basic items go to one department; coordination items to a lead
 * department plus helpers. Administrators change items with {@link #save}.
 */
@Service
public class ResponsibilityList {

    public static final String BASIC = "BASIC";
    public static final String COORDINATION = "COORDINATION";
    static final int MIN_RESOLVE_DAYS = 3;
    static final int MAX_RESOLVE_DAYS = 15;
    static final int NAME_MAX = 100;

    private static final Pattern CODE = Pattern.compile("R-\\d{3,14}");
    private static final int HELPERS_MAX_CHARS = 255;

    private static final String ITEMS = "SELECT code, name, category, kind, lead_dept, helper_depts, resolve_days,"
            + " active FROM responsibility_item";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ResponsibilityList(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * One item of the list. {@code kind} is {@link #BASIC} or {@link #COORDINATION}; {@code helperDepts} is
     * empty for basic items; {@code resolveDays} counts Chinese working days.
     */
    public record ResponsibilityItem(String code, String name, String category, String kind, String leadDept,
                                     List<String> helperDepts, int resolveDays, boolean active) {

        public ResponsibilityItem {
            helperDepts = helperDepts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(helperDepts));
        }

        public boolean isCoordination() {
            return COORDINATION.equals(kind);
        }

        /** The lead department followed by the helpers. */
        public List<String> departments() {
            List<String> all = new ArrayList<>();
            all.add(leadDept);
            all.addAll(helperDepts);
            return all;
        }
    }

    /** A category of the list, e.g. {@code MUNICIPAL} 市政设施. */
    public record Category(String code, String name) {
    }

    /** An item as stored: the helpers are one comma-separated column. */
    private record ItemRow(String code, String name, String category, String kind, String leadDept,
                           String helperDepts, int resolveDays, boolean active) {

        ResponsibilityItem item() {
            return new ResponsibilityItem(code, name, category, kind, leadDept, splitHelpers(helperDepts), resolveDays,
                    active);
        }
    }

    public Optional<ResponsibilityItem> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql(ITEMS + " WHERE code = ?").param(code).query(ItemRow.class).optional().map(ItemRow::item);
    }

    /**
     * Items in code order, active and inactive alike. {@code category} (a category code) and {@code text}
     * (part of the name, or of the code, ignoring case) narrow the result; null or blank means any.
     */
    public List<ResponsibilityItem> search(String category, String text) {
        StringBuilder sql = new StringBuilder(ITEMS + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (category != null && !category.isBlank()) {
            sql.append(" AND category = ?");
            args.add(category.strip());
        }
        if (text != null && !text.isBlank()) {
            String pattern = "%" + escapeLike(text.strip()) + "%";
            sql.append(" AND (LOWER(name) LIKE ? ESCAPE '!' OR UPPER(code) LIKE ? ESCAPE '!')");
            args.add(pattern.toLowerCase(Locale.ROOT));
            args.add(pattern.toUpperCase(Locale.ROOT));
        }
        sql.append(" ORDER BY code");
        return jdbc.sql(sql.toString()).params(args).query(ItemRow.class).list().stream().map(ItemRow::item).toList();
    }

    /** The categories in display order. */
    public List<Category> categories() {
        return jdbc.sql("SELECT code, name FROM responsibility_category ORDER BY sort_order, code")
                .query(Category.class).list();
    }

    /**
     * Adds an item or replaces the item with the same code, after checking it.
     *
     * @throws IllegalArgumentException with a Chinese message naming the field when the item is not valid;
     *                                  nothing is changed then
     */
    @Transactional
    void save(ResponsibilityItem item) {
        if (item == null) {
            throw new IllegalArgumentException("事项不能为空");
        }
        if (item.code() == null || !CODE.matcher(item.code()).matches()) {
            throw new IllegalArgumentException("事项编码（code）格式应为 R- 加至少 3 位数字，如 R-017：" + item.code());
        }
        String name = item.name() == null ? "" : item.name().strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("事项名称（name）不能为空");
        }
        if (name.codePointCount(0, name.length()) > NAME_MAX) {
            throw new IllegalArgumentException("事项名称（name）不能超过 " + NAME_MAX + " 个字");
        }
        List<String> sameName = jdbc.sql("SELECT code FROM responsibility_item WHERE name = ? AND code <> ?")
                .params(name, item.code()).query(String.class).list();
        if (!sameName.isEmpty()) {
            throw new IllegalArgumentException("事项名称（name）已被 " + sameName.get(0) + " 使用：" + name);
        }
        if (item.category() == null || count("responsibility_category", item.category()) == 0) {
            throw new IllegalArgumentException("事项分类（category）不存在：" + item.category());
        }
        if (!BASIC.equals(item.kind()) && !COORDINATION.equals(item.kind())) {
            throw new IllegalArgumentException("事项类型（kind）只能是 BASIC（基础事项）或 COORDINATION（协同事项）：" + item.kind());
        }
        if (item.leadDept() == null || count("department", item.leadDept()) == 0) {
            throw new IllegalArgumentException("牵头部门（leadDept）不存在：" + item.leadDept());
        }
        List<String> helpers = item.helperDepts();
        if (BASIC.equals(item.kind()) && !helpers.isEmpty()) {
            throw new IllegalArgumentException("基础事项不设协办部门（helperDepts），应为空");
        }
        if (COORDINATION.equals(item.kind()) && helpers.isEmpty()) {
            throw new IllegalArgumentException("协同事项至少需要一个协办部门（helperDepts）");
        }
        Set<String> seen = new HashSet<>();
        for (String helper : helpers) {
            if (helper == null || count("department", helper) == 0) {
                throw new IllegalArgumentException("协办部门（helperDepts）不存在：" + helper);
            }
            if (helper.equals(item.leadDept())) {
                throw new IllegalArgumentException("协办部门（helperDepts）不能与牵头部门相同：" + helper);
            }
            if (!seen.add(helper)) {
                throw new IllegalArgumentException("协办部门（helperDepts）重复：" + helper);
            }
        }
        String helperText = String.join(",", helpers);
        if (helperText.length() > HELPERS_MAX_CHARS) {
            throw new IllegalArgumentException("协办部门（helperDepts）过多，合计不能超过 " + HELPERS_MAX_CHARS + " 个字符");
        }
        if (item.resolveDays() < MIN_RESOLVE_DAYS || item.resolveDays() > MAX_RESOLVE_DAYS) {
            throw new IllegalArgumentException("办结时限（resolveDays）应为 " + MIN_RESOLVE_DAYS + "–" + MAX_RESOLVE_DAYS
                    + " 个工作日：" + item.resolveDays());
        }
        int updated = jdbc.sql("UPDATE responsibility_item SET name = ?, category = ?, kind = ?, lead_dept = ?,"
                        + " helper_depts = ?, resolve_days = ?, active = ?, updated_at = CURRENT_TIMESTAMP WHERE code = ?")
                .params(name, item.category(), item.kind(), item.leadDept(), helperText, item.resolveDays(),
                        item.active(), item.code())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO responsibility_item (code, name, category, kind, lead_dept, helper_depts,"
                            + " resolve_days, active, updated_at) VALUES (?,?,?,?,?,?,?,?,CURRENT_TIMESTAMP)")
                    .params(item.code(), name, item.category(), item.kind(), item.leadDept(), helperText,
                            item.resolveDays(), item.active())
                    .update();
        }
        events.publishEvent(new ResponsibilityListChanged(item.code()));
    }

    private int count(String table, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE code = ?").param(code).query(Integer.class).single();
    }

    private static List<String> splitHelpers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
