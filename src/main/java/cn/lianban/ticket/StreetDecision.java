package cn.lianban.ticket;

/**
 * The street desk's options on a ticket not solved a second time or long overdue ({@code streetDecide}), as the
 * form sends them in {@code streetDecision}.
 */
enum StreetDecision {

    /** 改派: another department handles it, without a further accept step (as after two returns). */
    REDISPATCH,
    /** 责令重办: the same department handles it again, with a fresh limit. */
    REDO,
    /** 裁定办结: the street closes it as decided; nobody rates it. */
    CLOSE,
    /** 提级联席汇办: raised into a joint-handling case (大事不出镇), which carries it on. */
    RAISE;

    /** The option named, or null when none is. */
    static StreetDecision of(String name) {
        for (StreetDecision d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }
}
