-- The 三率's counts per month and department, community or street, kept by rates/TicketRateRollup in the
-- transaction that appends the ticket event, so a whole month's rates read a few rows instead of scanning the
-- month's events in case_event (bench/README.md, "Dashboard benchmark"). rate_month is yyyy-MM in Beijing time:
-- the events of the month by occurred_at, the due tickets by due_at.
CREATE TABLE ticket_rate_month (
    by_column VARCHAR(16) NOT NULL,
    group_key VARCHAR(32) NOT NULL,
    rate_month CHAR(7) NOT NULL,
    dispatched BIGINT NOT NULL DEFAULT 0,
    returned BIGINT NOT NULL DEFAULT 0,
    accepted_on_time BIGINT NOT NULL DEFAULT 0,
    rated BIGINT NOT NULL DEFAULT 0,
    satisfied BIGINT NOT NULL DEFAULT 0,
    due BIGINT NOT NULL DEFAULT 0,
    solved BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (by_column, rate_month, group_key)
);
