-- Agency members log in (issue 15): a member with a login is mirrored into the Camunda identity (role
-- agency-member, group agency:<code>, the group of their grid). The password is set only when the user is
-- created, as for persons; production imports logins, the demo gives two.
ALTER TABLE agency_member ADD COLUMN login VARCHAR(64);
ALTER TABLE agency_member ADD COLUMN password VARCHAR(128);
CREATE UNIQUE INDEX agency_member_login ON agency_member(login);

-- A service a member reports himself waits for the community secretary: PENDING (待确认), CONFIRMED (已确认) or
-- RETURNED (退回, with a reason). Only confirmed services count in the 双报到 figures; check-ins typed by a
-- secretary (all rows so far) are confirmed as they are typed.
ALTER TABLE checkin ADD COLUMN status VARCHAR(16) DEFAULT 'CONFIRMED' NOT NULL;
ALTER TABLE checkin ADD COLUMN return_reason VARCHAR(200);
ALTER TABLE checkin ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE checkin ADD CONSTRAINT checkin_status CHECK (status IN ('PENDING', 'CONFIRMED', 'RETURNED'));
CREATE INDEX checkin_status ON checkin(status, community_code);
