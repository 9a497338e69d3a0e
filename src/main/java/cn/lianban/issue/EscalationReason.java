package cn.lianban.issue;

/** Why a case asks to go one level up; the approval form shows the sentence, never "the time ran out" for all. */
enum EscalationReason {
    OVERDUE("办理时限届满未办结"),
    UNRESOLVED("牵头部门报告本级无法解决"),
    DISSATISFIED("群众三次不满意");

    private final String label;

    EscalationReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
