-- issue_summary now carries the contract's statuses (RATING, MEETING, HANDLING, ESCALATING, EVALUATING, CLOSED).
-- Rows written with the first, coarse ones (FILED, HANDLING, ESCALATED) are marked RESYNC and take the process's
-- status from Camunda's history at startup (cn.lianban.issue.IssueSummaryBackfill); CLOSED meant the same.
UPDATE issue_summary SET status = 'RESYNC' WHERE status IN ('FILED', 'HANDLING', 'ESCALATED');
