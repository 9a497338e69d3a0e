-- 区域共性问题: a case merged at rating into a similar case of another community of the same area (并案).
-- One row per merged case: the case it was merged into, its community (which then evaluates the main case) and
-- when. Written by cn.lianban.issue.MergeIssues in the rating's transaction; read by the case page (both links),
-- the case visibility of the merged communities and the dashboard (the main case counted once, its communities).
CREATE TABLE issue_merge (
    merged_key     VARCHAR(32) PRIMARY KEY,
    main_key       VARCHAR(32) NOT NULL,
    community_code VARCHAR(32) NOT NULL,
    merged_at      TIMESTAMP   NOT NULL
);
CREATE INDEX issue_merge_main ON issue_merge(main_key);
