package cn.lianban.database;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the process engine's own schema lacks. Camunda deletes a task (completed, or cancelled by a timer) only
 * after looking for its subtasks, {@code select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?}, and no index has that
 * column: every task that ends reads the whole task table. With 13,000 open tasks that was 2.9 ms a task and a
 * third of the time 10,000 accept timers took to fire (bench TimerBenchmark); it grows with the open tasks.
 * And a Tasklist filter asks for one kind of task offered to the user's groups, newest first, 15 at a time:
 * PostgreSQL walks Camunda's index of all tasks by creation time and checks each one's kind, hoping to fill the
 * page early, and reads every open task when the unit has none of that kind (280 ms at 100,000 open tasks, bench
 * TasklistBenchmark). Kind and creation time together let it walk only the tasks of that kind (40–70 ms).
 * <p>
 * Created here rather than by Flyway because Flyway runs before the engine creates its tables on an empty
 * database. Runs first among the startup runners, inside the node's startup turn ({@link StartupTurn}), so two
 * nodes never build it at once; {@code IF NOT EXISTS} makes every later start a no-op (H2 and PostgreSQL).
 */
@Component
@Order(0)
class EngineIndexes implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT ON ACT_RU_TASK (PARENT_TASK_ID_)");
        jdbc.execute("CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_KEY_CREATED ON ACT_RU_TASK (TASK_DEF_KEY_, CREATE_TIME_)");
    }
}
