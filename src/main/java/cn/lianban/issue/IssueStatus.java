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
    // 挂账 and 终止办理 keep the contract's codes (a client knows only those): on the register the case is still in
    // the level's hands (HANDLING, its clock stopped), ended it is CLOSED; the words and variable shelfState tell
    SHELVED("HANDLING", "已挂账"),
    TERMINATED("CLOSED", "已终止办理"),
    /** 区域共性问题: merged at rating into a similar case of another community, which goes on for both. */
    MERGED("已并案");

    /** What cards and the case page say of the deadline of a case on the register (挂账), whose clock stopped. */
    public static final String OFF_THE_CLOCK = "挂账中，停止计时";

    private final String code;
    private final String label;

    IssueStatus(String label) {
        this(null, label);
    }

    IssueStatus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code the contract names, written to variable status and column issue_summary.status. */
    public String code() {
        return code == null ? name() : code;
    }

    public String label() {
        return label;
    }

    /** The status code read from a table or a variable in Chinese; an unknown code (e.g. RESYNC) as it is. */
    public static String chineseName(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst().map(IssueStatus::label)
                .orElse(code);
    }

    /**
     * Whether the city center may pull a case of this status up (提级): while it is met on, handled (on the register
     * too) or waits for an approval; not before it is rated, nor over the community's evaluation, nor once closed.
     */
    public static boolean raisable(String code) {
        return MEETING.name().equals(code) || HANDLING.name().equals(code) || ESCALATING.name().equals(code);
    }

    /**
     * Whether the case's area committee may put it on the register from its case page: while it is handled, or while
     * it waits for its joint meeting (the meeting is then called off).
     */
    public static boolean shelvable(String code, String label) {
        return (HANDLING.name().equals(code) || MEETING.name().equals(code)) && !SHELVED.label().equals(label);
    }

    /** Where a status code sorts: in the order a case passes the statuses, an unknown code first. */
    public static int order(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst().map(Enum::ordinal).orElse(-1);
    }
}
