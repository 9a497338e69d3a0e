-- #14 回访 by the resident for joint-handling cases: a case filed with a reporterPhone sends the resident the
-- rating link (table resident_rating, now owned by cn.lianban.notify) when it is 已销号; their rating is kept here.
--   community_satisfaction  the community's 评价销号 score 1..5 (代评: on the residents' behalf), once 已销号
--   resident_satisfaction   the reporting resident's own score 1..5 through the link (居民评价), null without one
--   resident_comment        the resident's comment with it
--   satisfaction_by         whose score is the case's satisfaction: RESIDENT or PROXY; null before it is rated
ALTER TABLE issue_summary ADD COLUMN community_satisfaction INT;
ALTER TABLE issue_summary ADD COLUMN resident_satisfaction INT;
ALTER TABLE issue_summary ADD COLUMN resident_comment VARCHAR(500);
ALTER TABLE issue_summary ADD COLUMN satisfaction_by VARCHAR(16);
