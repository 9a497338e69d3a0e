-- 督办 (issue 13): a supervision notice goes to a department's lead (分管负责人), not only to its mailbox and the
-- staff who work its tasks. unit_lead marks the persons who lead the unit they act for; a unit with nobody marked
-- is told through its own mailbox and staff, as before (cn.lianban.directory.Directory#leadEmailsOf).
ALTER TABLE person ADD COLUMN unit_lead BOOLEAN NOT NULL DEFAULT FALSE;
