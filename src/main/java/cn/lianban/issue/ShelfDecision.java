package cn.lianban.issue;

/** What the monthly review (挂账复核) decides; every answer but KEEP takes the case off the register. */
enum ShelfDecision {
    KEEP("继续挂账", ShelfState.ON_REGISTER),
    RESUME("恢复办理", ShelfState.RESUMED),
    ESCALATE("升级办理", ShelfState.ESCALATED),
    END("终止办理", ShelfState.ENDED);

    private final String label;
    private final ShelfState state;

    ShelfDecision(String label, ShelfState state) {
        this.label = label;
        this.state = state;
    }

    String label() {
        return label;
    }

    /** Where the case stands on the register after this decision. */
    ShelfState state() {
        return state;
    }
}
