package cn.lianban.database;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Permissions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes and statistics the process engine's own schema lacks (bench TimerBenchmark and TasklistBenchmark,
 * bench/README.md):
 * <ul>
 * <li>Camunda deletes a task (completed, or cancelled by a timer) only after looking for its subtasks,
 * {@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}, and no index has that column: every task that ends
 * read the whole task table, a third of the time 10,000 accept timers took to fire.</li>
 * <li>A Tasklist filter asks for one kind of task offered to the user's groups, newest first, 15 at a time:
 * PostgreSQL walks Camunda's index of all tasks by creation time hoping to fill the page early, and read every open
 * task when the unit has none of that kind (280 ms at 100,000 open tasks). Kind and creation time together let it
 * walk only the tasks of that kind (40–70 ms).</li>
 * <li>The count of such a filter joins the tasks of that kind with the candidate links of the user's groups. With
 * only Camunda's index by task, PostgreSQL looked up the links of every task of that kind, one by one: 20,000
 * lookups for a department's 本部门待接单 (p50 147 ms at 100,000 open tasks). Group, type and task together give it
 * the group's links from the index alone, joined with the tasks in one pass (48 ms).</li>
 * <li>The city center's 全市逾期 asks for the tasks past their due date, and Camunda has no index on it: PostgreSQL
 * read the whole task table (p95 396 ms at 500,000 open tasks). With one it reads only the overdue tasks.</li>
 * <li>Camunda's checks test permission bits, {@code PERMS_ & 2 = 2}, which PostgreSQL cannot estimate and guesses
 * at 0.5 %: it took a user's 48,000 grants for 261 rows and compared every one with every variable of a Tasklist page
 * (4.5 s at 500,000 open tasks) instead of looking up the few that matter (15 ms). Statistics on the bits the
 * queries test give it the real share. PostgreSQL only (H2 has no such statistics); they need the plans made with
 * the values, which Tasklist's lists get ({@link ReadsPlannedWithValues}).</li>
 * </ul>
 * Created here rather than by Flyway because Flyway runs before the engine creates its tables on an empty
 * database. Runs first among the startup runners, inside the node's startup turn ({@link StartupTurn}), so two
 * nodes never build them at once; {@code IF NOT EXISTS} makes every later start a no-op.
 */
@Component
@Order(0)
class EngineIndexes implements ApplicationRunner {

    private static final String PERMISSION_STATISTICS = "act_stat_auth_perms";
    /** The bits the read checks of tasks, instances, variables, history and filters test. */
    private static final Permissions[] CHECKED = {Permissions.READ, Permissions.READ_TASK, Permissions.READ_INSTANCE,
            Permissions.READ_HISTORY};

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_KEY_CREATED ON ACT_RU_TASK (TASK_DEF_KEY_, CREATE_TIME_)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_IDENT_LNK_GROUP_TASK"
                + " ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_DUE ON ACT_RU_TASK (DUE_DATE_)");
        if (Databases.isPostgres(jdbc) && !hasPermissionStatistics()) {
            String bits = Arrays.stream(CHECKED).map(p -> "(PERMS_ & " + p.getValue() + ")")
                    .collect(Collectors.joining(", "));
            jdbc.execute("CREATE STATISTICS IF NOT EXISTS " + PERMISSION_STATISTICS + " ON " + bits
                    + " FROM ACT_RU_AUTHORIZATION");
            jdbc.execute("ANALYZE ACT_RU_AUTHORIZATION");
        }
    }

    private boolean hasPermissionStatistics() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?", Integer.class,
                PERMISSION_STATISTICS) > 0;
    }
}
