-- 延期 (issue 13): how far the lead of a case may ask to extend its handling deadline, in working days counted
-- from the handling start, per rating colour. NULL: the colour allows no extension (DOMAIN.md gives one to
-- YELLOW only: 7 working days, extended to at most 15 with the approval of the level's approver).
ALTER TABLE time_limit ADD COLUMN extend_days INT;
UPDATE time_limit SET extend_days = 15 WHERE kind = 'COLOR' AND limit_key = 'YELLOW';
