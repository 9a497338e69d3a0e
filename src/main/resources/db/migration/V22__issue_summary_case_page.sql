-- issue_summary also keeps what the case page (/cases/{key}, /api/cases/{key}) and 我的事项 show of a
-- joint-handling case, so they read the table instead of engine variables (cn.lianban.issue.IssueCaseReader):
--   title, description  as filed; community_name  the community's name when the case was filed
--   status_label        the Chinese word of the status as the process wrote it
--   lead_dept, co_depts the handling departments by code, co_depts joined with commas ('' for none)
--   handle_group        the candidate group that handles the case now (a department's: the case is theirs)
--   meeting_at, meeting_place  the joint meeting
--   clock_*             the running clock (cn.lianban.common.CaseClock): start, due, whether it runs now
-- TEXT is PostgreSQL's unbounded string; H2 2.x reads it as a VARCHAR of up to 10^9 characters. One column per
-- statement: H2 and PostgreSQL add several columns with different syntax.
ALTER TABLE issue_summary ADD COLUMN title TEXT;
ALTER TABLE issue_summary ADD COLUMN description TEXT;
ALTER TABLE issue_summary ADD COLUMN community_name VARCHAR(100);
ALTER TABLE issue_summary ADD COLUMN status_label VARCHAR(32);
ALTER TABLE issue_summary ADD COLUMN lead_dept VARCHAR(32);
ALTER TABLE issue_summary ADD COLUMN co_depts TEXT NOT NULL DEFAULT '';
ALTER TABLE issue_summary ADD COLUMN handle_group VARCHAR(64);
ALTER TABLE issue_summary ADD COLUMN meeting_at TIMESTAMP;
ALTER TABLE issue_summary ADD COLUMN meeting_place TEXT;
ALTER TABLE issue_summary ADD COLUMN clock_start TIMESTAMP;
ALTER TABLE issue_summary ADD COLUMN clock_due TIMESTAMP;
ALTER TABLE issue_summary ADD COLUMN clock_running BOOLEAN NOT NULL DEFAULT FALSE;
-- a department's cases (我的事项) are looked up by the group that handles them
CREATE INDEX issue_summary_handle_group ON issue_summary(handle_group);
-- every row written so far lacks the new columns: IssueSummaryBackfill reads them from the history at startup
UPDATE issue_summary SET status = 'RESYNC';
