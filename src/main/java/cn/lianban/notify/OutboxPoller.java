package cn.lianban.notify;

import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a poll of an outbox does; the subclasses carry the schedule and the switch of their own properties. */
abstract class OutboxPoller {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    private final String name;
    private final IntSupplier sendPending;

    /** @param sendPending sends one batch of due messages, returns how many went */
    OutboxPoller(String name, IntSupplier sendPending) {
        this.name = name;
        this.sendPending = sendPending;
    }

    void drain() {
        try {
            // a full batch means more are due: keep sending until the queue is drained, so a burst (1,000 mails
            // after a night of timers) leaves in seconds, not one batch per poll interval
            while (sendPending.getAsInt() == MailOutbox.BATCH) {
                // next batch
            }
        } catch (RuntimeException e) {
            // e.g. the database is briefly unreachable; the next poll tries again
            log.error("{} outbox poll failed", name, e);
        }
    }
}
