-- 五级三色联席汇办 cases: one issue_summary row each (what cn.lianban.issue.IssueSummary keeps) and the
-- audit trail the joint-handling delegates write through CaseLog (no department, place or measure columns):
--   FILED, RATING_OVERRIDE (some), ASSIGNED, MEETING_CONVENED + MEETING (yellow and red), ASSISTED (yellow
--   and red), ESCALATED (per escalation), OVERDUE (some), HANDLED, EVALUATED, REOPENED (some), CLOSED.
-- Cases whose closing would lie after "now" are still open: RATING (not rated yet), HANDLING or MEETING (again,
-- after an escalation), with only the events that already happened.
-- Placeholders: ${cases}, ${now}, ${months}, ${seed}.

-- step: seed the random generator
SELECT setseed(${seed} / 2);

-- step: draw each case's facts once
CREATE UNLOGGED TABLE bench_case AS
WITH dir AS (
    SELECT array_agg(c.code ORDER BY c.code) AS communities, array_agg(c.area_code ORDER BY c.code) AS areas,
           array_agg(a.street_code ORDER BY c.code) AS streets
    FROM community c JOIN area a ON a.code = c.area_code),
cats AS (SELECT array_agg(category ORDER BY category) AS codes, array_agg(dept_code ORDER BY category) AS depts
         FROM category_department),
draw AS (
    SELECT n, random() r_time, random() r_ramp, random() r_comm, random() r_cat, random() r_color,
           random() r_level, random() r_esc, random() r_rate, random() r_meet, random() r_handle,
           random() r_over, random() r_reo, random() r_eval, random() r_open
    FROM generate_series(1, ${cases}) n),
placed AS (
    SELECT d.*,
           (TIMESTAMP '${now}' - INTERVAL '${months} months')
               + INTERVAL '${months} months' * (CASE WHEN r_ramp < 0.5 THEN r_time ELSE sqrt(r_time) END) AS filed_at,
           1 + floor(r_comm * array_length(dir.communities, 1))::int AS ci,
           1 + floor(r_cat * array_length(cats.codes, 1))::int AS ki,
           CASE WHEN r_color < 0.55 THEN 'GREEN' WHEN r_color < 0.90 THEN 'YELLOW' ELSE 'RED' END AS color,
           CASE WHEN r_esc < 0.90 THEN 0 WHEN r_esc < 0.98 THEN 1 ELSE 2 END AS escalations,
           dir.communities, dir.areas, dir.streets, cats.codes AS cat_codes, cats.depts AS cat_depts
    FROM draw d, dir, cats),
timed AS (
    -- look the codes up here and carry no arrays further
    SELECT p.n, p.r_meet, p.r_handle, p.r_reo, p.r_eval, p.r_open, p.r_rate, p.filed_at, p.color, p.escalations,
           communities[ci] AS community, areas[ci] AS area, streets[ci] AS street, cat_codes[ki] AS category,
           cat_depts[ki] AS dept,
           CASE color WHEN 'GREEN' THEN CASE WHEN r_level < 0.3 THEN 1 ELSE 2 END
                      WHEN 'YELLOW' THEN 3 ELSE CASE WHEN r_level < 0.7 THEN 4 ELSE 5 END END AS first_level,
           CASE color WHEN 'GREEN' THEN 3 WHEN 'YELLOW' THEN 7 ELSE 15 END AS limit_days,
           filed_at + (0.1 + r_rate * 2) * INTERVAL '1 day' AS assigned_at
    FROM placed p),
handled AS (
    SELECT t.*, LEAST(first_level + escalations, 5) AS level,
           assigned_at + (0.5 + r_meet * 3) * INTERVAL '1 day' AS meeting_at,
           -- each escalation adds a round of handling at the next level
           assigned_at + (escalations + 1) * ceil(limit_days * 1.4) * (0.3 + r_handle * 0.9) * INTERVAL '1 day'
               AS handled_at,
           assigned_at + (escalations + 1) * ceil(limit_days * 1.4) * INTERVAL '1 day' AS due_at
    FROM timed t),
ended AS (
    SELECT h.*, r_reo < 0.05 AS reopened,
           handled_at + (0.5 + r_eval * 3) * INTERVAL '1 day'
               + CASE WHEN r_reo < 0.05 THEN ceil(limit_days * 1.4) * 0.6 * INTERVAL '1 day' ELSE INTERVAL '0' END
               AS closed_at
    FROM handled h)
SELECT 'JH-' || extract(year FROM filed_at)::int || '-'
           || lpad(row_number() OVER (PARTITION BY extract(year FROM filed_at) ORDER BY filed_at, n)::text, 6, '0')
           AS business_key,
       substr(md5('jh' || n), 1, 8) || '-' || substr(md5('jh' || n), 9, 4) || '-' || substr(md5('jh' || n), 13, 4)
           || '-' || substr(md5('jh' || n), 17, 4) || '-' || substr(md5('jh' || n), 21, 12) AS pid,
       community, area, street, category, dept, color, first_level, level, escalations, limit_days, filed_at,
       assigned_at, meeting_at, handled_at, due_at, reopened, closed_at, r_rate < 0.05 AS overridden,
       CASE WHEN closed_at < TIMESTAMP '${now}' THEN 'CLOSED'
            WHEN assigned_at >= TIMESTAMP '${now}' THEN 'RATING'
            WHEN esc_done > 0 AND r_open < 0.5 THEN 'MEETING'
            ELSE 'HANDLING' END AS status,
       esc_done
FROM (SELECT e.*,
             -- escalations that have happened by now (events ESCALATED, below)
             CASE WHEN escalations >= 1 AND assigned_at + (handled_at - assigned_at) / (escalations + 1)
                       < TIMESTAMP '${now}' THEN 1 ELSE 0 END
             + CASE WHEN escalations >= 2 AND assigned_at + 2 * (handled_at - assigned_at) / (escalations + 1)
                       < TIMESTAMP '${now}' THEN 1 ELSE 0 END AS esc_done
      FROM ended e) ended;

-- step: one summary row per case, as IssueSummary leaves it
INSERT INTO issue_summary (business_key, process_instance_id, community_code, area_code, street_code, category,
                           color, level, status, filed_at, due_at, closed_at, escalations)
SELECT business_key, pid, community, area, street, category,
       CASE WHEN status = 'RATING' THEN NULL ELSE color END,
       CASE WHEN status = 'RATING' THEN NULL ELSE LEAST(first_level + esc_done, 5) END,
       status, filed_at,
       CASE WHEN status = 'RATING' THEN NULL ELSE due_at END,
       CASE WHEN status = 'CLOSED' THEN closed_at END,
       esc_done
FROM bench_case
ORDER BY filed_at;

-- step: later real filings get keys after the generated ones
DO $$
DECLARE
    y record;
BEGIN
    FOR y IN SELECT extract(year FROM filed_at)::int AS year, COUNT(*) AS n FROM bench_case GROUP BY 1 LOOP
        IF to_regclass('key_sequence') IS NOT NULL THEN
            -- the schema before V20 (the baseline run): the counter table, which V20 turns into sequences
            INSERT INTO key_sequence (prefix, seq_year, last_value) VALUES ('JH', y.year, y.n)
            ON CONFLICT (prefix, seq_year) DO UPDATE SET last_value = GREATEST(key_sequence.last_value, EXCLUDED.last_value);
        ELSE
            -- one sequence per prefix and year (KeySequence)
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS key_jh_%s', y.year);
            EXECUTE format('SELECT setval(%L, GREATEST(%s, (SELECT last_value FROM key_jh_%s)))',
                           'key_jh_' || y.year, y.n, y.year);
        END IF;
    END LOOP;
END
$$;

