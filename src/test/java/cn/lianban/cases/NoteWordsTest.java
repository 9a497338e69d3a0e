package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Audit notes written with codes read as words on the case page. */
class NoteWordsTest {

    private final NoteWords words = new NoteWords(Map.of("housing", "住房和城乡建设局", "urban", "城市管理局"));

    @Test
    void departmentCodesAndListsBecomeNames() {
        assertThat(words.of("牵头 housing，协办 [urban, housing]，期限 2026-12-10；纪要：住建局牵头"))
                .isEqualTo("牵头 住房和城乡建设局，协办 城市管理局、住房和城乡建设局，期限 2026-12-10；纪要：住建局牵头");
        assertThat(words.of("牵头 housing，协办 []")).isEqualTo("牵头 住房和城乡建设局，协办 无");
        assertThat(words.of("派至 urban")).isEqualTo("派至 城市管理局");
    }

    @Test
    void isoTimesBecomeMinutes() {
        assertThat(words.of("第3级 片区联席会议 2026-12-03T09:00，东莱北片区党群服务中心"))
                .isEqualTo("第3级 片区联席会议 2026-12-03 09:00，东莱北片区党群服务中心");
        assertThat(words.of("2026-12-03T09:00:30.5 起")).isEqualTo("2026-12-03 09:00 起");
    }

    @Test
    void otherWordsStayAsTheyAre() {
        assertThat(words.of("场地预约号 BK-2026-000123，urbanism 与 suburban 不是部门")).isEqualTo(
                "场地预约号 BK-2026-000123，urbanism 与 suburban 不是部门");
        assertThat(words.of(null)).isEmpty();
    }
}
