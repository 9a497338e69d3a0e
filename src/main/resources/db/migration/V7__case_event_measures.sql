-- What the 三率 (response, resolution, satisfaction rates) are computed from: the ticket events themselves,
-- so a rate is always a query over history and never a counter that can drift.
ALTER TABLE case_event ADD COLUMN dept_code VARCHAR(32);
ALTER TABLE case_event ADD COLUMN community_code VARCHAR(32);
ALTER TABLE case_event ADD COLUMN street_code VARCHAR(32);
-- ACCEPTED: within the response limit; RESOLVED: before the resolution deadline
ALTER TABLE case_event ADD COLUMN on_time BOOLEAN;
-- RATED: satisfaction 1..5; CONFIRMED: 1 solved, 0 reopened
ALTER TABLE case_event ADD COLUMN score INT;
-- ACCEPTED: when resolution is due
ALTER TABLE case_event ADD COLUMN due_at TIMESTAMP;
CREATE INDEX case_event_dept ON case_event(dept_code, action, occurred_at);
CREATE INDEX case_event_community ON case_event(community_code, action, occurred_at);

-- Tickets: every department accepts within 24 hours; an item outside the list gets 7 working days.
INSERT INTO time_limit VALUES ('TICKET', 'UNLISTED', 24, 7);
