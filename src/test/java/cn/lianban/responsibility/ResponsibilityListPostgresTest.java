package cn.lianban.responsibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.lianban.responsibility.ResponsibilityList.ResponsibilityItem;
import cn.lianban.support.MigratedDb;
import cn.lianban.support.Postgres;

/** V5 and the responsibility list's SQL (LIKE ... ESCAPE) on PostgreSQL 17 too. */
class ResponsibilityListPostgresTest {

    @RegisterExtension
    static final Postgres postgres = new Postgres();

    @Test
    void migratesStoresAndSearchesOnPostgres() {
        MigratedDb db = MigratedDb.on(postgres.database());
        assertThat(db.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");

        ResponsibilityList list = new ResponsibilityList(JdbcClient.create(db.jdbc), event -> { });
        assertThat(list.search(null, null)).hasSize(220);
        assertThat(list.search(null, null)).filteredOn(ResponsibilityItem::isCoordination).hasSize(79);
        assertThat(list.categories()).hasSize(10);
        assertThat(list.search(null, "r-21")).hasSize(10);
        assertThat(list.search("SAFETY", "群租房")).hasSize(1);
        assertThat(list.search(null, "%")).isEmpty();
        list.save(new ResponsibilityItem("R-221", "小区消防车通道划线", "SAFETY", ResponsibilityList.COORDINATION, "fire",
                List.of("housing", "urban"), 10, true));
        assertThat(list.find("R-221").orElseThrow().helperDepts()).containsExactly("housing", "urban");
        assertThatThrownBy(() -> list.save(new ResponsibilityItem("R-221", "路灯不亮", "SAFETY",
                ResponsibilityList.BASIC, "fire", List.of(), 3, true))).isInstanceOf(IllegalArgumentException.class);
    }
}
