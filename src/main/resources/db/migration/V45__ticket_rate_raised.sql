-- 三率 (issue #13): tickets the street raised into a joint-handling case (action RAISED_TO_CASE), by the month
-- they were raised. Such a ticket is neither solved nor lost: its due rows leave the 解决率's denominator
-- (rates/TicketRates, TicketRateRollup), and this count says how many left it. Earlier rows have none.
ALTER TABLE ticket_rate_month ADD COLUMN raised BIGINT NOT NULL DEFAULT 0;
