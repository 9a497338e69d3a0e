package cn.lianban.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.LianbanTest;

/** The decision tables, rule by rule (hit policy FIRST: the first matching row wins). */
@LianbanTest
class RatingDecisionTest {

    @Autowired
    DecisionService decisions;

    @ParameterizedTest(name = "{0} {1}户 跨社区={2} 多部门={3} 安全={4} {5}元 → {6}")
    @CsvSource({
            // category, households, multiCommunity, multiDepartment, safetyRisk, cost, expected
            "FACILITY,    5,   false, false, false, 2000,    GREEN",   // routine
            "ELDERLY,     299, false, false, false, 49999,   GREEN",   // just under every threshold
            "FACILITY,    50,  false, false, true,  0,       RED",     // safety risk and 50 households
            "FACILITY,    49,  false, false, true,  0,       YELLOW",  // safety risk, few households
            "TRAFFIC,     10,  false, true,  true,  0,       RED",     // safety risk and several departments
            "HOUSING,     300, false, false, false, 0,       RED",     // many households
            "HOUSING,     10,  false, false, false, 500000,  RED",     // major funds
            "SAFETY,      3,   false, false, false, 0,       YELLOW",  // safety category
            "ENVIRONMENT, 10,  false, true,  false, 0,       YELLOW",  // two or more departments
            "ENVIRONMENT, 10,  true,  false, false, 0,       YELLOW",  // cross-community
            "OTHER,       10,  false, false, false, 50000,   YELLOW",  // outside funds
    })
    void proposesTheColour(String category, long households, boolean multiCommunity, boolean multiDepartment,
                           boolean safetyRisk, long cost, String expected) {
        Object color = decisions.evaluateDecisionTableByKey("issue-rating", Map.of("category", category,
                "households", households, "multiCommunity", multiCommunity, "multiDepartment", multiDepartment,
                "safetyRisk", safetyRisk, "estimatedCost", cost)).getSingleResult().getSingleEntry();
        assertThat(color).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}户 跨社区={2} 多部门={3} {4}元 → 第{5}级")
    @CsvSource({
            "RED,    1,   false, false, 0,      5",
            "YELLOW, 10,  true,  true,  0,      4",
            "YELLOW, 10,  false, false, 200000, 4",
            "YELLOW, 10,  true,  false, 199999, 3",
            "GREEN,  20,  false, false, 0,      1",
            "GREEN,  21,  false, false, 0,      2",
            "GREEN,  5,   true,  false, 0,      2",
    })
    void choosesTheHandlingLevel(String color, long households, boolean multiCommunity, boolean multiDepartment,
                                 long cost, int expected) {
        Object level = decisions.evaluateDecisionTableByKey("handling-level", Map.of("color", color,
                "households", households, "multiCommunity", multiCommunity, "multiDepartment", multiDepartment,
                "estimatedCost", cost)).getSingleResult().getSingleEntry();
        assertThat(level).isEqualTo(expected);
    }
}
