package cn.lianban.venue;

/** Where a booking stands. ACTIVE and PENDING hold their hours; CANCELLED and REJECTED have freed them. */
public enum BookingStatus {
    /** Booked (or approved): the hours are the booker's. */
    ACTIVE("已预约"),
    /** Waiting for the venue manager's approval; the hours are held meanwhile. */
    PENDING("待审批"),
    /** Cancelled by the booker. */
    CANCELLED("已取消"),
    /** Not approved, or not decided before it began. */
    REJECTED("未获批准");

    private final String label;

    BookingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean holdsHours() {
        return this == ACTIVE || this == PENDING;
    }
}
