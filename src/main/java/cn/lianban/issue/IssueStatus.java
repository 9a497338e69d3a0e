package cn.lianban.issue;

import java.util.Arrays;

/**
 * The status of a joint-handling case as the contract names it (process variable {@code status}, column
 * {@code issue_summary.status}), with the Chinese word cards, the case page and the dashboard show. Entered by the
 * BPMN through {@link IssueStatusListener}, bean {@code issueStatus}. In the order a case passes them.
 */
public enum IssueStatus {
    RATING("待评级"),
    MEETING("联席会商"),
    HANDLING("办理中"),
    ESCALATING("升级审批"),
    EVALUATING("评价销号"),
    CLOSED("已销号"),
    /** 区域共性问题: merged at rating into a similar case of another community, which goes on for both. */
    MERGED("已并案");

    private final String label;

    IssueStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status code read from a table or a variable in Chinese; an unknown code (e.g. RESYNC) as it is. */
    public static String chineseName(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst().map(IssueStatus::label)
                .orElse(code);
    }

    /** Where a status code sorts: in the order a case passes the statuses, an unknown code first. */
    public static int order(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst().map(Enum::ordinal).orElse(-1);
    }
}
