-- Positions on cases and tickets (issue 14): the optional WGS-84 point of the filing (process variables lat and lon,
-- both or neither), kept on the projection rows the case page and the dashboard read. A joint-handling case also
-- keeps its location text (the start form's 具体位置), which tickets have had since V21.
ALTER TABLE issue_summary ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE issue_summary ADD COLUMN lon DOUBLE PRECISION;
ALTER TABLE issue_summary ADD COLUMN location TEXT;
ALTER TABLE ticket_case ADD COLUMN lat DOUBLE PRECISION;
ALTER TABLE ticket_case ADD COLUMN lon DOUBLE PRECISION;
