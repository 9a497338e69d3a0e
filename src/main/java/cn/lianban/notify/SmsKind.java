package cn.lianban.notify;

/** What a text message to a resident is about, with its name on /admin/sms. */
public enum SmsKind {
    BOOKING_CONFIRMED("预约已确认"),
    BOOKING_APPROVED("预约已通过"),
    BOOKING_REFUSED("预约未通过"),
    BOOKING_CANCELLED("预约已取消"),
    WAITLIST_PROMOTED("候补转正"),
    /** The organiser withdrew an activity the resident had signed up for. */
    ACTIVITY_CANCELLED("活动已取消"),
    TICKET_STATUS("工单进展"),
    /** A joint case filed with the reporting resident's mobile: each status, and the rating link when 已销号. */
    CASE_STATUS("案件进展");

    private final String label;

    SmsKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
