package cn.lianban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * 区域共性问题 in the figures: a case merged into another is counted once, in the main case's community, and the
 * case list names the communities of the merged case. Its cases are filed in November 2027, a month no other test
 * files in.
 */
@LianbanTest
class MergedCaseFiguresTest {

    private static final YearMonth MONTH = YearMonth.of(2027, 11);

    @Autowired
    IssueDriver driver;
    @Autowired
    DashboardFigures figures;
    @Autowired
    DashboardTables tables;
    @Autowired
    MonthlyReport report;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void aMergedCaseCountsOnceAndListsItsCommunities() {
        String sameArea = driver.sameAreaAsCommunityA();
        driver.clockAt(LocalDateTime.of(2027, 11, 8, 10, 0));
        ProcessInstance other = driver.file("category", "SAFETY", "communityCode", sameArea);
        ProcessInstance main = driver.file("category", "SAFETY");
        driver.complete(main, "rate", "color", driver.variable(main, "proposedColor"), "mergeCases",
                List.of(other.getBusinessKey()));

        assertThat(figures.cases(MONTH, null).byStatus()).as("the merged case is not counted").singleElement()
                .extracting(DashboardFigures.Count::count).isEqualTo(1L);
        assertThat(report.caseCounts(MONTH, null)).singleElement()
                .extracting(MonthlyReport.CaseCount::code, MonthlyReport.CaseCount::filed)
                .containsExactly("C-DL-01", 1L);

        DashboardTable cases = tables.table("cases", MONTH, null, "全市");
        List<List<Object>> rows = new ArrayList<>();
        cases.rows().each(rows::add);
        String names = driver.variable(main, "communitiesLabel").toString();
        assertThat(names).contains("、");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get(0)).isEqualTo(main.getBusinessKey());
            assertThat(row.get(cases.headers().indexOf("并案涉及社区"))).isEqualTo(names);
        });
        assertThat(figures.cases(MONTH, Set.of(sameArea)).byStatus()).as("not counted again in the other community")
                .isEmpty();
    }
}
