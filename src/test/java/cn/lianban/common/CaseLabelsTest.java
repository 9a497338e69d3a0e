package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseLabelsTest {

    @Test
    void levelsReadAsOnCardsAndInTables() {
        assertThat(CaseLabels.levelLabel(1)).isEqualTo("第一级（网格）");
        assertThat(CaseLabels.levelLabel(3)).isEqualTo("第三级（片区）");
        assertThat(CaseLabels.levelLabel(5)).isEqualTo("第五级（市级）");
        assertThat(CaseLabels.levelName(4)).isEqualTo("第4级 街道");
        assertThat(CaseLabels.levelName(6)).isEqualTo("第6级");
        assertThat(CaseLabels.levelLabel(0)).isEqualTo("第0级");
    }

    @Test
    void coloursReadInChinese() {
        assertThat(CaseLabels.colorName("YELLOW")).isEqualTo("黄色");
        assertThat(CaseLabels.colorName(null)).isEmpty();
        assertThat(CaseLabels.colorName("PURPLE")).isEqualTo("PURPLE");
        assertThat(CaseLabels.colorWord(" red ")).isEqualTo("红");
        assertThat(CaseLabels.colorWord("PURPLE")).isNull();
    }
}
