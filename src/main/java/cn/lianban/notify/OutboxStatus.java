package cn.lianban.notify;

/** Life of an outbox row (mail and SMS): PENDING until sent (SENT) or given up / unsendable (FAILED). */
enum OutboxStatus {
    PENDING, SENT, FAILED
}
