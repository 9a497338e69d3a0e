package cn.lianban.issue;

/** Why a case asks to go one level up; the approval form shows the sentence, never "the time ran out" for all. */
enum EscalationReason {
    OVERDUE("办理时限届满未办结"),
    UNRESOLVED("牵头部门报告本级无法解决"),
    DISSATISFIED("群众三次不满意"),
    /** For the extension (延期) step: the approver refused the lead department's request for more time. */
    REFUSED_EXTENSION("延期申请未获批准"),
    /** The monthly review of a case on the register (挂账) decided to take it one level up. */
    SHELF_REVIEW("挂账复核决定升级"),
    /** The city center pulled the case up directly (提级), with its reason in the case's story. */
    CENTER_RAISE("市中心直接提级");

    private final String label;

    EscalationReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
