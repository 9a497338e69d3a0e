-- 两代表一委员 belong to an area (片区): they are invited to its joint meetings, follow its cases and comment on them.
-- Null for everyone else (their unit is unit_type/unit_code).
ALTER TABLE person ADD COLUMN area_code VARCHAR(32);
ALTER TABLE person ADD CONSTRAINT person_deputy_area FOREIGN KEY (area_code) REFERENCES area(code);

-- a demo directory seeded before this version: its deputies go to the areas of demo communities A and B
UPDATE person SET area_code = (SELECT area_code FROM community WHERE code = 'C-DL-01')
    WHERE role = 'deputy' AND login IN ('deputy01', 'deputy02', 'deputy03');
UPDATE person SET area_code = (SELECT area_code FROM community WHERE code = 'C-XJ-01')
    WHERE role = 'deputy' AND login IN ('deputy04', 'deputy05', 'deputy06');
