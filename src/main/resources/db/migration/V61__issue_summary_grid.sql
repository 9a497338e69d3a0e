-- The grid (网格) a joint-handling case was filed for (issue 14): level-1 cases with a grid are handled by that
-- grid's workers, who see the cases and tickets of their grid (cn.lianban.cases.CaseVisibility). NULL: a case of
-- the whole community, as every case filed before. grid_name is the grid's name when the case was filed.
ALTER TABLE issue_summary ADD COLUMN grid_code VARCHAR(32);
ALTER TABLE issue_summary ADD COLUMN grid_name VARCHAR(100);
-- a grid worker's 我的事项 pages the cases of his grid's community by grid
CREATE INDEX issue_summary_grid ON issue_summary(community_code, grid_code);
