-- Indexes for the monthly figures of the city dashboard and the 三率 (cn.lianban.ticket.TicketRates), measured
-- with 1,000,000 closed tickets and 100,000 cases on PostgreSQL (bench/README.md). Plain column lists only:
-- the same file runs on H2.

-- 三率, events of a month: without it every call reads the whole audit trail (all months, all cases).
CREATE INDEX case_event_occurred ON case_event(occurred_at);

-- 三率, tickets due in a month: the ACCEPTED and IMPOSED rows whose resolution deadline falls in it.
CREATE INDEX case_event_due ON case_event(action, due_at);

-- 三率, which of those tickets were closed: the CLOSED keys of a key range, read from the index alone.
CREATE INDEX case_event_action_key ON case_event(action, business_key);

-- Venue usage: the bookings of a month across all venues (booking_venue_start serves one venue's).
CREATE INDEX booking_status_start ON booking(status, start_at);
