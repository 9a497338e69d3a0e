-- issue_summary now carries the contract's statuses (RATING, MEETING, HANDLING, ESCALATING, EVALUATING, CLOSED)
-- instead of the first coarse ones; the rows are rebuilt from Camunda's history at startup
-- (cn.lianban.issue.IssueSummaryBackfill), which also brings in cases filed before the table existed.
DELETE FROM issue_summary;
