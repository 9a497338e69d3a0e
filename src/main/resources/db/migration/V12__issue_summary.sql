-- One row per joint-handling case, kept current by the process's delegates (cn.lianban.dashboard.IssueSummary),
-- so the city dashboard counts cases without scanning Camunda's history tables.
CREATE TABLE issue_summary (
    business_key        VARCHAR(32) PRIMARY KEY,
    process_instance_id VARCHAR(64) NOT NULL,
    community_code      VARCHAR(32) NOT NULL,
    area_code           VARCHAR(32),
    street_code         VARCHAR(32),
    category            VARCHAR(32),
    color               VARCHAR(16),
    level               INT,
    status              VARCHAR(16) NOT NULL,
    filed_at            TIMESTAMP   NOT NULL,
    due_at              TIMESTAMP,
    closed_at           TIMESTAMP,
    escalations         INT         NOT NULL DEFAULT 0
);
CREATE INDEX issue_summary_filed ON issue_summary(filed_at, community_code);
CREATE INDEX issue_summary_open ON issue_summary(status, due_at);
