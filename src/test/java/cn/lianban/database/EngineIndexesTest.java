package cn.lianban.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.lianban.support.LianbanTest;

/** The indexes Camunda's schema lacks are there after a start (bench/README.md shows what each saves). */
@LianbanTest
class EngineIndexesTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void taskTableHasTheSubtaskTheKindByCreationAndTheDueDateIndexes() {
        assertThat(jdbc.queryForList("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ACT_RU_TASK'",
                String.class)).contains("ACT_IDX_TASK_PARENT", "ACT_IDX_TASK_KEY_CREATED", "ACT_IDX_TASK_DUE");
    }

    @Test
    void candidateLinksHaveTheGroupTypeAndTaskIndex() {
        assertThat(jdbc.queryForList("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE TABLE_NAME = 'ACT_RU_IDENTITYLINK'", String.class)).contains("ACT_IDX_IDENT_LNK_GROUP_TASK");
    }
}
