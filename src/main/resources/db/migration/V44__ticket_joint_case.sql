-- 大事不出镇 (issue #13): the joint-handling case (JH key) a street raised a ticket into, so that the ticket's page
-- links to the case and the case's page lists the tickets raised into it (looked up by this column, hence the
-- index). Null for every ticket not raised; written by cn.lianban.ticket.TicketCases like the other columns.
ALTER TABLE ticket_case ADD COLUMN joint_case_key VARCHAR(32);
CREATE INDEX ticket_case_joint_case ON ticket_case (joint_case_key);
