package cn.lianban.common;

import java.time.ZonedDateTime;
import java.util.Date;

/** When a handling step is due, and when to remind (one working day before). */
public record Deadline(ZonedDateTime due, ZonedDateTime remindAt) {

    public Date dueDate() {
        return Date.from(due.toInstant());
    }

    public Date reminderDate() {
        return Date.from(remindAt.toInstant());
    }
}
