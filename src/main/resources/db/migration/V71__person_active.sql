-- #15 directory import: a person who is no longer in the imported directory is deactivated, not deleted (tasks,
-- trails and mails name their login); an inactive person has no Camunda groups and no known password.
-- phone: the mobile the office keeps in its directory sheet; the import refuses two people with one phone.
ALTER TABLE person ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE person ADD COLUMN phone VARCHAR(20);
