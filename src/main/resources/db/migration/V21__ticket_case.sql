-- One row per ticket (双联双促工单), owned by cn.lianban.ticket: its business data as the process last wrote it,
-- kept in the process's transaction by TicketCases and backfilled at startup from Camunda's history
-- (TicketCaseBackfill), so the case page, 我的事项 and Open311 read a table instead of engine variables.
-- TEXT is PostgreSQL's unbounded string; H2 2.x reads it as a VARCHAR of up to 10^9 characters.
--   raised_via     COMMUNITY, GRID (a grid named), MEMBER (吹哨 by an agency member), OPEN311 (no login)
--   status_at      when the ticket last entered a status (the Open311 request's updated_datetime)
--   clock_*        the running clock (cn.lianban.common.CaseClock): start, due, whether it runs now
-- Readers look tickets up by business key (the case page, 我的事项, Open311 requests), so the primary key is the
-- one index.
CREATE TABLE ticket_case (
    business_key        VARCHAR(32)  PRIMARY KEY,
    process_instance_id VARCHAR(64)  NOT NULL,
    item_code           VARCHAR(32),
    item_name           VARCHAR(100),
    title               VARCHAR(200),
    description         TEXT,
    location            TEXT,
    community_code      VARCHAR(32)  NOT NULL,
    community_name      VARCHAR(100),
    grid_code           VARCHAR(32),
    grid_name           VARCHAR(100),
    street_code         VARCHAR(32),
    raised_by           VARCHAR(64),
    raised_via          VARCHAR(16)  NOT NULL,
    member_id           BIGINT,
    member_name         VARCHAR(100),
    dept_code           VARCHAR(32),
    dept_name           VARCHAR(100),
    status              VARCHAR(16)  NOT NULL,
    status_at           TIMESTAMP    NOT NULL,
    returns             INT          NOT NULL DEFAULT 0,
    reopens             INT          NOT NULL DEFAULT 0,
    resolve_days        INT,
    raised_at           TIMESTAMP    NOT NULL,
    accept_by           TIMESTAMP,
    accepted_at         TIMESTAMP,
    resolve_by          TIMESTAMP,
    resolved_at         TIMESTAMP,
    closed_at           TIMESTAMP,
    clock_start         TIMESTAMP,
    clock_due           TIMESTAMP,
    clock_running       BOOLEAN      NOT NULL DEFAULT FALSE,
    overdue             BOOLEAN      NOT NULL DEFAULT FALSE,
    result              TEXT,
    solved              BOOLEAN,
    satisfaction        INT
);
