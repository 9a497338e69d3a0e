package cn.lianban.issue;

import java.util.Arrays;

/**
 * Where a case stands on the register (挂账台账): variable {@code shelfState} and, once it has left the register,
 * column issue_shelf.outcome (NULL while on it). The contract's status codes do not change for 挂账 (see
 * {@link IssueStatus#SHELVED}), so this is what tells a registered or ended case apart.
 */
enum ShelfState {
    ON_REGISTER("挂账中"),
    RESUMED("已恢复办理"),
    ESCALATED("已升级办理"),
    ENDED("已终止办理"),
    RAISED("市中心已提级");

    private final String label;

    ShelfState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The words of an outcome column; NULL (still on the register) reads 挂账中. */
    static String labelOf(String outcome) {
        return outcome == null ? ON_REGISTER.label
                : Arrays.stream(values()).filter(s -> s.name().equals(outcome)).findFirst().map(ShelfState::label)
                        .orElse(outcome);
    }
}
