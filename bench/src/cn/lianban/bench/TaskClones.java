package cn.lianban.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies the template cases (TaskTemplates) in Camunda's runtime tables with set-based SQL: each copy is the
 * template's rows of ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_VARIABLE (the variables the
 * Tasklist cards show) and ACT_RU_AUTHORIZATION (the task grants Camunda writes for candidate groups and the case
 * grants of security/CaseAccess), with every id suffixed by the copy's number and every unit group moved to the
 * copy's community, grid, area, street and departments. No timers are copied: nothing fires while measuring.
 */
final class TaskClones {

    /** Columns that hold ids of the case's own rows; everything else (definition ids, byte arrays) is shared. */
    private static final Set<String> OWN_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "parent_id_",
            "super_exec_", "execution_id_", "task_id_", "var_scope_", "act_inst_id_", "parent_task_id_",
            "resource_id_", "business_key_", "parent_act_inst_id_");

    /** Which rows of each table belong to a template case (alias s), and the template's instance id. */
    private static final Map<String, String> TABLES = Map.of(
            "act_ru_execution", "FROM act_ru_execution s JOIN bench_clone c ON c.template = s.proc_inst_id_",
            "act_ru_task", "FROM act_ru_task s JOIN bench_clone c ON c.template = s.proc_inst_id_",
            "act_ru_identitylink", "FROM act_ru_identitylink s JOIN act_ru_task t ON t.id_ = s.task_id_ "
                    + "JOIN bench_clone c ON c.template = t.proc_inst_id_",
            "act_ru_variable", "FROM act_ru_variable s JOIN bench_clone c ON c.template = s.proc_inst_id_ "
                    + "WHERE s.name_ IN (SELECT name FROM bench_card_variable)",
            "act_ru_authorization", "FROM act_ru_authorization s JOIN bench_template_resource r "
                    + "ON r.resource_id = s.resource_id_ JOIN bench_clone c ON c.template = r.template");

    private static final String GROUP = "CASE WHEN s.group_id_ = 'dept:urban' THEN 'dept:' || c.dept "
            + "WHEN s.group_id_ LIKE 'dept:%' THEN 'dept:' || c.dept2 "
            + "WHEN s.group_id_ LIKE 'community:%' THEN 'community:' || c.community "
            + "WHEN s.group_id_ LIKE 'grid:%' THEN 'grid:' || c.grid "
            + "WHEN s.group_id_ LIKE 'area:%' THEN 'area:' || c.area "
            + "WHEN s.group_id_ LIKE 'street:%' THEN 'street:' || c.street ELSE s.group_id_ END";

    private final JdbcTemplate jdbc;
    private int copies;

    TaskClones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Units in a fixed order, the templates' resources, and the variables the cards of the filters show. */
    void prepare(List<TaskTemplates.Template> templates, Set<String> cardVariables) {
        jdbc.execute("CREATE TABLE bench_unit AS SELECT (ROW_NUMBER() OVER (ORDER BY c.code) - 1)::int AS i, "
                + "c.code AS community, (SELECT MIN(g.code) FROM grid g WHERE g.community_code = c.code) AS grid, "
                + "a.code AS area, a.street_code AS street FROM community c JOIN area a ON a.code = c.area_code");
        // urban's tasks are placed on purpose (the one big unit); the others share the rest evenly
        jdbc.execute("CREATE TABLE bench_dept AS SELECT (ROW_NUMBER() OVER (ORDER BY code) - 1)::int AS i, code "
                + "FROM department WHERE code <> 'urban'");
        jdbc.execute("CREATE TABLE bench_clone (template VARCHAR(64), n INT, community VARCHAR(32), grid VARCHAR(32), "
                + "area VARCHAR(32), street VARCHAR(32), dept VARCHAR(32), dept2 VARCHAR(32), created TIMESTAMP)");
        jdbc.execute("CREATE TABLE bench_template_resource (resource_id VARCHAR(64), template VARCHAR(64))");
        jdbc.execute("CREATE TABLE bench_card_variable (name VARCHAR(255))");
        for (TaskTemplates.Template t : templates) {
            jdbc.update("INSERT INTO bench_template_resource VALUES (?, ?)", t.processInstanceId(), t.processInstanceId());
            jdbc.update("INSERT INTO bench_template_resource SELECT id_, proc_inst_id_ FROM act_ru_task "
                    + "WHERE proc_inst_id_ = ?", t.processInstanceId());
        }
        for (String name : cardVariables) {
            jdbc.update("INSERT INTO bench_card_variable VALUES (?)", name);
        }
    }

    /** Open user tasks of a template case, and how many of them are offered to department urban. */
    record Shape(int tasks, int urbanTasks) {
    }

    Shape shape(String processInstanceId) {
        return new Shape(count("SELECT COUNT(*) FROM act_ru_task WHERE proc_inst_id_ = ?", processInstanceId),
                count("SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_identitylink i ON i.task_id_ = t.id_ "
                        + "WHERE t.proc_inst_id_ = ? AND i.group_id_ = 'dept:urban'", processInstanceId));
    }

    /**
     * Adds copies of each template: {@code copies.get(template)} of it, each copy's urban tasks staying with urban
     * with probability {@code urbanShare} (else moved to another department). Copies are numbered on from the
     * last call, so a second call grows the same data.
     */
    void add(Map<String, Integer> perTemplate, double urbanShare) {
        jdbc.execute("TRUNCATE bench_clone");
        int offset = copies;
        int total = 0;
        for (Map.Entry<String, Integer> e : perTemplate.entrySet()) {
            // units in turn, so every community, area, street and department gets its share
            jdbc.update("INSERT INTO bench_clone SELECT ?, n, u.community, u.grid, u.area, u.street, "
                    + "CASE WHEN random() < ? THEN 'urban' ELSE d.code END, d2.code, "
                    + "LOCALTIMESTAMP - random() * INTERVAL '30 days' FROM generate_series(?, ?) n "
                    + "JOIN bench_unit u ON u.i = n % (SELECT COUNT(*) FROM bench_unit) "
                    + "JOIN bench_dept d ON d.i = n % (SELECT COUNT(*) FROM bench_dept) "
                    + "JOIN bench_dept d2 ON d2.i = (n + 1) % (SELECT COUNT(*) FROM bench_dept)",
                    e.getKey(), urbanShare, offset + total + 1, offset + total + e.getValue());
            total += e.getValue();
        }
        copies += total;
        for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_identitylink", "act_ru_variable",
                "act_ru_authorization")) {
            long t0 = System.nanoTime();
            int rows = jdbc.update(insert(table));
            System.out.printf("  %-40s %,10d rows %7.1f s%n", table, rows, (System.nanoTime() - t0) / 1e9);
        }
    }

    private String insert(String table) {
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = ? ORDER BY ordinal_position", String.class, table);
        String values = columns.stream().map(col -> expression(table, col)).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + " "
                + TABLES.get(table);
    }

    private static String expression(String table, String column) {
        if (OWN_IDS.contains(column)) {
            // activity instance ids (activity id and a UUID) can fill the 64 characters: cut the same way everywhere
            return "LEFT(s." + column + ", 56) || '~' || c.n";
        }
        if (column.equals("group_id_")) {
            return GROUP;
        }
        if (table.equals("act_ru_task") && column.equals("create_time_")) {
            return "c.created";
        }
        return "s." + column;
    }

    /**
     * The shape check: for each template, the rows the engine wrote and the rows of one of its copies, as
     * (table, type, resource type, permissions, kind of group) — the same multiset or the data is not real.
     */
    Map<String, String> compare(List<TaskTemplates.Template> templates) {
        Map<String, String> differences = new TreeMap<>();
        for (TaskTemplates.Template t : templates) {
            String copy = jdbc.queryForObject("SELECT MIN(id_) FROM act_ru_execution WHERE id_ LIKE ? "
                    + "AND id_ = proc_inst_id_", String.class, t.processInstanceId() + "~%");
            Set<String> real = signature(t.processInstanceId());
            Set<String> generated = signature(copy);
            if (!real.equals(generated)) {
                differences.put(t.label(), "engine " + real + ", generated " + generated);
            }
        }
        return differences;
    }

    private Set<String> signature(String pi) {
        String kind = "regexp_replace(COALESCE(group_id_, 'user:' || user_id_), ':.*', '')";
        Set<String> rows = new TreeSet<>();
        jdbc.query("SELECT 'execution ' || COALESCE(act_id_, '-') || ' ' || is_active_ || is_concurrent_ || is_scope_ "
                + "FROM act_ru_execution WHERE proc_inst_id_ = ?", rs -> {
            rows.add(rs.getString(1));
        }, pi);
        jdbc.query("SELECT 'task ' || task_def_key_ || ' assignee ' || (assignee_ IS NOT NULL) || ' due ' "
                + "|| (due_date_ IS NOT NULL) FROM act_ru_task WHERE proc_inst_id_ = ?", rs -> {
            rows.add(rs.getString(1));
        }, pi);
        jdbc.query("SELECT 'link ' || t.task_def_key_ || ' ' || i.type_ || ' ' || " + kind.replace("group_id_",
                "i.group_id_").replace("user_id_", "i.user_id_") + " FROM act_ru_identitylink i "
                + "JOIN act_ru_task t ON t.id_ = i.task_id_ WHERE t.proc_inst_id_ = ?", rs -> {
            rows.add(rs.getString(1));
        }, pi);
        jdbc.query("SELECT 'grant ' || a.type_ || ' ' || a.resource_type_ || ' ' || a.perms_ || ' ' || "
                + kind.replace("group_id_", "a.group_id_").replace("user_id_", "a.user_id_")
                + " || ' on ' || CASE WHEN a.resource_id_ = ? THEN 'case' ELSE 'task' END "
                + "FROM act_ru_authorization a WHERE a.resource_id_ = ? "
                + "OR a.resource_id_ IN (SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?)", rs -> {
            rows.add(rs.getString(1));
        }, pi, pi, pi);
        jdbc.query("SELECT 'variable ' || name_ || ' ' || type_ FROM act_ru_variable WHERE proc_inst_id_ = ? "
                + "AND name_ IN (SELECT name FROM bench_card_variable)", rs -> {
            rows.add(rs.getString(1));
        }, pi);
        return rows;
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
