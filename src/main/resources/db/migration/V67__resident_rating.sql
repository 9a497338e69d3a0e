-- #14 回访 by the resident: one rating link per ticket raised with a reporterPhone, sent by SMS when the ticket
-- waits for its 回访 (status RATING). Owned by cn.lianban.ticket (ResidentRatings). The token itself is only in the
-- SMS; the table keeps its SHA-256 (hex), so a copy of the table opens no link. Valid 7 days, used once.
CREATE TABLE resident_rating (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    business_key VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    expires_at   TIMESTAMP    NOT NULL,
    used_at      TIMESTAMP,
    score        INT,
    comment      VARCHAR(500)
);
CREATE INDEX resident_rating_ticket ON resident_rating (business_key);
-- 三率 (cn.lianban.rates): of the ratings a month counts (CLOSED entries), how many the resident gave themselves
-- (RESIDENT_RATED, written with the CLOSED entry); the others are the secretary's 代评. Earlier rows have none.
ALTER TABLE ticket_rate_month ADD COLUMN resident_rated BIGINT NOT NULL DEFAULT 0;
