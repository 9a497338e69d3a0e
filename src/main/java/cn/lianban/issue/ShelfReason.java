package cn.lianban.issue;

/** Why a case cannot be solved now and goes on the register (挂账): the category the approver picks. */
enum ShelfReason {
    POLICY("政策原因"),
    FUNDS("资金原因"),
    PLANNING("规划原因"),
    OTHER("其他原因");

    private final String label;

    ShelfReason(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
