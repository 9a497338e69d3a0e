package cn.lianban.notify;

/** Life of an outbox row: PENDING until sent (SENT) or given up / unsendable (FAILED). */
enum MailStatus {
    PENDING, SENT, FAILED
}
