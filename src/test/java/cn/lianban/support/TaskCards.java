package cn.lianban.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Tasklist card shows for a task: the filter's variable columns filled from the task's variables. A card
 * reads as words when it names the case number and shows only Chinese text, numbers and dates as people write
 * them: never a code ({@code DISPATCHED}, {@code housing}, {@code community:C-DL-01}) nor a raw date.
 */
public final class TaskCards {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");

    /** Column label → value, for the columns whose variable the task has. */
    public static Map<String, Object> card(Map<String, String> columns, Map<String, Object> variables) {
        Map<String, Object> card = new LinkedHashMap<>();
        columns.forEach((name, label) -> {
            // Tasklist leaves a column out when its variable is not set, and shows nothing for an empty text
            if (variables.get(name) != null && !"".equals(variables.get(name))) {
                card.put(label, variables.get(name));
            }
        });
        return card;
    }

    /**
     * Asserts the card carries the case number ({@code caseNo}), no empty column and nothing a person would read
     * as a code.
     */
    public static Map<String, Object> assertInWords(Map<String, String> columns, Map<String, Object> variables) {
        Object caseNo = variables.get("caseNo");
        assertThat(caseNo).as("caseNo").isNotNull();
        columns.forEach((name, label) -> assertThat(variables.containsKey(name) && variables.get(name) == null)
                .as("%s is set but empty: Tasklist would show <空>", label).isFalse());
        Map<String, Object> card = card(columns, variables);
        assertThat(card).as("the card shows the case number").containsValue(caseNo);
        card.forEach((label, value) -> {
            if (value.equals(caseNo) || value instanceof Number) {
                return;
            }
            assertThat(value).as("%s on the card", label).isInstanceOf(String.class);
            assertThat(HAN.matcher((String) value).find() || LOCAL_TIME.matcher((String) value).matches())
                    .as("%s on the card reads as words: %s", label, value).isTrue();
        });
        return card;
    }

    private TaskCards() {
    }
}
