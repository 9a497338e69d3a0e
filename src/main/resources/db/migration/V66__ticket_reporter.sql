-- #14: a ticket raised with a resident's mobile (reporterPhone). The full number stays in the process (the SMS go
-- there); the row keeps only its last four digits, which the public status page /status/{key} asks for. A hash
-- would add nothing: four digits are 10,000 guesses whatever they are stored as, so the page limits guesses.
--   satisfaction_by  who gave the score the 满意率 counts: RESIDENT (the resident through the rating link) or
--                    PROXY (代评: the community secretary in the rate task); null before the ticket is rated
ALTER TABLE ticket_case ADD COLUMN reporter_phone_last4 VARCHAR(4);
ALTER TABLE ticket_case ADD COLUMN satisfaction_by VARCHAR(16);
