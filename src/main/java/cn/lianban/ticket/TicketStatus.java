package cn.lianban.ticket;

/**
 * A ticket's status as the contract names it, with its Chinese label as cards, forms and pages show it; in the
 * order a ticket passes them. {@link TicketStatusListener} enters it.
 */
public enum TicketStatus {

    DISPATCHING("待派单"),
    ACCEPTING("待接单"),
    RESOLVING("办理中"),
    CONFIRMING("待确认"),
    RATING("待回访"),
    CLOSED("已办结"),
    /** Not solved twice, or long overdue: the street desk decides what happens (streetDecide). */
    STREET_DECIDING("街道研判"),
    /** Ended by being raised into a joint-handling case (大事不出镇): the case carries it on. */
    JOINT("已转联办");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the ticket has ended in this status. */
    public boolean ended() {
        return this == CLOSED || this == JOINT;
    }
}
