package cn.lianban.resource;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.lianban.directory.Directory;

/**
 * The monthly resource lists (资源清单, Flyway V9): reading a month's items, publishing a new one, and
 * reserving and releasing what claims take of an item's budget or capacity.
 */
@Repository
public class ResourceList {

    public static final String FUNDS = "FUNDS";
    static final int NAME_MAX = 100;
    static final int TEXT_MAX = 2000;
    static final int CAPACITY_MAX = 1_000_000;
    static final BigDecimal BUDGET_MAX = new BigDecimal("999999999999.99");

    private final JdbcTemplate jdbc;
    /** Reads rows into records by column name. */
    private final JdbcClient client;
    private final Directory directory;

    public ResourceList(JdbcTemplate jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.directory = directory;
    }

    /** The four categories in list order: code → Chinese name. */
    public Map<String, String> categories() {
        Map<String, String> names = new LinkedHashMap<>();
        client.sql("SELECT code, name FROM resource_category ORDER BY sort_order").query(Category.class).list()
                .forEach(c -> names.put(c.code(), c.name()));
        return names;
    }

    /** The department a community order of the category goes to (社区点单—系统派单). */
    public Optional<String> orderDepartment(String category) {
        return jdbc.queryForList("SELECT order_dept FROM resource_category WHERE code = ?", String.class, category)
                .stream().findFirst();
    }

    /** The departments with items of the category on a month's published list, by code. */
    List<String> offeringDepartments(YearMonth month, String category) {
        return client.sql("SELECT DISTINCT dept_code FROM resource_item WHERE list_month = ? AND category = ? "
                + "AND published ORDER BY dept_code").params(month.toString(), category).query(String.class).list();
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM resource_item", Integer.class) == 0;
    }

    public Optional<ResourceItem> find(String code) {
        return client.sql("SELECT * FROM resource_item WHERE code = ?").param(code).query(ResourceItem.class).optional();
    }

    /** A month's published items, by category and code (departments' submissions wait for the center). */
    public List<ResourceItem> items(YearMonth month) {
        return client.sql("SELECT i.* FROM resource_item i JOIN resource_category c ON c.code = i.category "
                + "WHERE i.list_month = ? AND i.published ORDER BY c.sort_order, i.code").param(month.toString())
                .query(ResourceItem.class).list();
    }

    /** The months that have a published list, latest first. */
    public List<String> months() {
        return jdbc.queryForList("SELECT DISTINCT list_month FROM resource_item WHERE published ORDER BY list_month DESC",
                String.class);
    }

    public void insert(List<ResourceItem> items) {
        jdbc.batchUpdate("INSERT INTO resource_item(code, list_month, category, name, description, dept_code, "
                        + "capacity, budget, committed, taken, valid_from, valid_to, published, review_state) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                items.stream().map(i -> new Object[]{i.code(), i.listMonth(), i.category(), i.name(), i.description(),
                        i.deptCode(), i.capacity(), i.budget(), i.committed(), i.taken(), Date.valueOf(i.validFrom()),
                        Date.valueOf(i.validTo()), i.published(), i.published() ? "PUBLISHED" : "SUBMITTED"}).toList());
    }

    /**
     * Publishes a new item on a month's list (市城市党建服务中心). Every field is checked first; with any
     * error nothing is stored and {@link InvalidItem} names each field.
     *
     * @return the new item's code, the next of its month
     */
    public String publish(Draft d) {
        ResourceItem item = check(d, null);
        String code = nextCode(YearMonth.parse(item.listMonth()));
        try {
            insert(List.of(item.withCode(code)));
        } catch (DuplicateKeyException someoneElsePublished) {
            throw new InvalidItem(Map.of("name", "同时有人发布了项目，请再提交一次"));
        }
        return code;
    }

    /**
     * Checks every field of a draft, as publishing and a department's submission do.
     *
     * @param editing the code of the item the draft replaces (its own name is no clash), or null for a new one
     * @return the item, without a code, unpublished unless stored by {@link #publish}
     * @throws InvalidItem naming each wrong field
     */
    ResourceItem check(Draft d, String editing) {
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth month = parseMonth(d.month(), errors);
        String category = trim(d.category());
        if (category == null || !categories().containsKey(category)) {
            errors.put("category", "请选择资源类别");
        }
        String name = trim(d.name());
        if (name == null || name.length() > NAME_MAX) {
            errors.put("name", "请填写项目名称（不超过" + NAME_MAX + "字）");
        } else if (month != null && jdbc.queryForObject("SELECT COUNT(*) FROM resource_item WHERE list_month = ? "
                + "AND name = ? AND code <> ?", Integer.class, month.toString(), name, editing == null ? "" : editing) > 0) {
            errors.put("name", month + " 的清单中已有项目“" + name + "”");
        }
        String description = trim(d.description());
        if (description != null && description.length() > TEXT_MAX) {
            errors.put("description", "项目说明不能超过" + TEXT_MAX + "字");
        }
        String dept = trim(d.deptCode());
        if (dept == null || directory.department(dept).isEmpty()) {
            errors.put("deptCode", "请选择责任部门");
        }
        Integer capacity = parseCapacity(d.capacity(), errors);
        BigDecimal budget = parseBudget(d.budget(), errors);
        if (FUNDS.equals(category) && budget == null && !errors.containsKey("budget")) {
            errors.put("budget", "资金倾斜类项目须填写预算");
        } else if (capacity == null && budget == null && !errors.containsKey("capacity") && !errors.containsKey("budget")) {
            errors.put("capacity", "请填写名额（场次）或预算，至少一项");
        }
        LocalDate from = parseDate(d.validFrom(), "validFrom", "有效期起", errors);
        LocalDate to = parseDate(d.validTo(), "validTo", "有效期止", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.put("validTo", "有效期止不能早于有效期起");
        } else if (to != null && month != null && to.isBefore(month.atDay(1))) {
            errors.put("validTo", "有效期止不能早于清单月份");
        }
        if (!errors.isEmpty()) {
            throw new InvalidItem(errors);
        }
        return new ResourceItem(null, month.toString(), category, name, description, dept, capacity, budget,
                BigDecimal.ZERO, 0, from, to, true);
    }

    /**
     * Reserves {@code amount} yuan and {@code places} of an item in one conditional UPDATE, so that the
     * database arbitrates between concurrent claims: the row lock queues them and each sees what the one
     * before it committed. A zero reserves nothing of that measure.
     *
     * @return false when the budget or the capacity left is too small; nothing is then changed
     */
    public boolean reserve(String code, BigDecimal amount, int places) {
        try {
            return jdbc.update("UPDATE resource_item SET committed = committed + ?, taken = taken + ? "
                    + "WHERE code = ? AND committed + ? <= COALESCE(budget, 0) AND taken + ? <= COALESCE(capacity, 0)",
                    amount, places, code, amount, places) == 1;
        } catch (DataIntegrityViolationException overCommitted) {
            return false; // the CHECK constraints are the last word
        }
    }

    /** Gives back what a rejected claim had reserved. */
    public void release(String code, BigDecimal amount, int places) {
        jdbc.update("UPDATE resource_item SET committed = committed - ?, taken = taken - ? WHERE code = ?",
                amount, places, code);
    }

    /** The next code of a month, past those of its items and of items withdrawn (named in the review log). */
    String nextCode(YearMonth month) {
        int last = jdbc.queryForList("SELECT code FROM resource_item WHERE list_month = ? UNION "
                        + "SELECT item_code FROM resource_review WHERE list_month = ? AND item_code IS NOT NULL",
                String.class, month.toString(), month.toString()).stream().mapToInt(c -> Integer.parseInt(c.substring(c.lastIndexOf('-') + 1)))
                .max().orElse(0);
        return ResourceItem.code(month, last + 1);
    }

    private static YearMonth parseMonth(String value, Map<String, String> errors) {
        try {
            return YearMonth.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            errors.put("month", "清单月份须为 YYYY-MM 格式，如 2026-11");
            return null;
        }
    }

    private static Integer parseCapacity(String value, Map<String, String> errors) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= CAPACITY_MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("capacity", "名额（场次）须为 1 到 " + CAPACITY_MAX + " 的整数");
        return null;
    }

    private static BigDecimal parseBudget(String value, Map<String, String> errors) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal yuan = new BigDecimal(v);
            if (yuan.signum() > 0 && yuan.scale() <= 2 && yuan.compareTo(BUDGET_MAX) <= 0) {
                return yuan;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("budget", "预算须为大于 0 的金额（元），最多两位小数");
        return null;
    }

    private static LocalDate parseDate(String value, String field, String label, Map<String, String> errors) {
        try {
            return LocalDate.parse(value == null ? "" : value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "请填写" + label + "（YYYY-MM-DD）");
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A new item as typed on the page; strings, so that a refused input comes back exactly as typed. */
    public record Draft(String month, String category, String name, String description, String deptCode,
                        String capacity, String budget, String validFrom, String validTo) {
    }

    /** A refused draft: field → Chinese message. */
    public static class InvalidItem extends RuntimeException {
        private final Map<String, String> errors;

        public InvalidItem(Map<String, String> errors) {
            super(String.join("；", errors.values()));
            this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    private record Category(String code, String name) {
    }
}
