-- The 三率's counts per month and department, community or street, folded from case_event by one writer at a
-- time (rates/TicketRateRollup, a scheduled refresh), so a month's rates read a few rows plus the events
-- appended since the last fold instead of scanning the month's events (bench/README.md, "Dashboard benchmark").
-- rate_month is yyyy-MM in Beijing time: the events by occurred_at, the due tickets by due_at. The counts cover
-- exactly the case_event rows with id <= ticket_rate_fold.folded_to; readers add the rows after it.
CREATE TABLE ticket_rate_month (
    by_column VARCHAR(16) NOT NULL,
    rate_month CHAR(7) NOT NULL,
    group_key VARCHAR(32) NOT NULL,
    -- every ticket event of the key in the month: the raw SQL lists a key that has any
    events BIGINT NOT NULL,
    dispatched BIGINT NOT NULL,
    returned BIGINT NOT NULL,
    accepted_on_time BIGINT NOT NULL,
    rated BIGINT NOT NULL,
    satisfied BIGINT NOT NULL,
    -- ACCEPTED and IMPOSED rows due in the month (whether or not the deadline has passed yet), and those of them
    -- whose ticket has a CLOSED row among the folded ones
    due BIGINT NOT NULL,
    solved BIGINT NOT NULL,
    PRIMARY KEY (by_column, rate_month, group_key)
);

-- One row: how far the fold has got, and the next id it may fold to once every transaction that could still
-- hold a lower id has ended (ids are taken before commit, so they can commit out of order). The row is also
-- the lock that keeps a second node from folding at the same time (SELECT ... FOR UPDATE SKIP LOCKED).
CREATE TABLE ticket_rate_fold (
    id INT PRIMARY KEY,
    folded_to BIGINT NOT NULL,
    candidate BIGINT NOT NULL,
    -- the database's clock when the candidate was seen, and on PostgreSQL the first transaction id not yet
    -- started then (pg_snapshot_xmax)
    candidate_seen_at TIMESTAMP,
    candidate_xmax BIGINT
);
INSERT INTO ticket_rate_fold(id, folded_to, candidate) VALUES (1, 0, 0);
