-- 双联双促 tickets, closed, with the audit trail the ticket delegates write (cn.lianban.ticket.*, CaseLog):
--   RAISED      RegisterTicket: community + street, no department yet (dispatchTicket runs after it)
--   DISPATCHED  OpenAcceptance: department, due_at = accept-by (24 hours)
--   ACCEPT_TIMEOUT AcceptTimedOut: department, on_time = false; the street desk dispatches again
--   RETURNED    ReturnTicket: department; first return → street dispatches again, second → street decides
--   IMPOSED     ImposeDepartment: the decided department, due_at = resolution deadline
--   ACCEPTED    AcceptTicket: department, on_time, due_at = resolution deadline
--   OVERDUE     MarkTicketOverdue: department (timer at the deadline, the task stays open)
--   RESOLVED    ResolveTicket: department, on_time
--   REOPENED    ReopenTicket: department, score = 0; resolved again after it
--   CLOSED      CloseTicket: department, score = satisfaction 1..5
-- Every row carries community_code and street_code; all but RAISED carry dept_code.
-- Placeholders: ${tickets}, ${now} (Beijing wall clock, as the application stores it), ${months}, ${seed}.
-- Set-based: one staging table of per-ticket draws, then one INSERT … SELECT of all events in time order
-- (the order a live system appends them in, so the table's physical order matches occurred_at).

-- step: seed the random generator, so every run generates the same data
SELECT setseed(${seed});

-- step: draw each ticket's facts once, so that all its events agree with each other
CREATE UNLOGGED TABLE bench_ticket AS
WITH dir AS (
    SELECT array_agg(c.code ORDER BY c.code) AS communities, array_agg(a.street_code ORDER BY c.code) AS streets
    FROM community c JOIN area a ON a.code = c.area_code),
depts AS (SELECT array_agg(code ORDER BY code) AS codes FROM department),
items AS (SELECT array_agg(lead_dept ORDER BY code) AS depts, array_agg(resolve_days ORDER BY code) AS days
          FROM responsibility_item WHERE active),
draw AS (
    SELECT n, random() r_time, random() r_ramp, random() r_comm, random() r_listed, random() r_item,
           random() r_d1, random() r_d2, random() r_d3, random() r_path, random() r_late, random() r_desk,
           random() r_desk2, random() r_acc, random() r_ret, random() r_ret2, random() r_dec,
           random() r_lr, random() r_res, random() r_reo, random() r_conf, random() r_res2, random() r_close,
           random() r_score
    FROM generate_series(1, ${tickets} * 104 / 100) n),
placed AS (
    SELECT d.*,
           -- half the tickets evenly over the period, half with a rising ramp: recent months are busier
           (TIMESTAMP '${now}' - INTERVAL '${months} months')
               + (INTERVAL '${months} months' - INTERVAL '3 days')
                 * (CASE WHEN r_ramp < 0.5 THEN r_time ELSE sqrt(r_time) END) AS raised_at,
           1 + floor(r_comm * array_length(dir.communities, 1))::int AS ci,
           r_listed < 0.9 AS listed,
           1 + floor(r_item * array_length(items.depts, 1))::int AS ii,
           CASE WHEN r_path < 0.80 THEN 'A' WHEN r_path < 0.88 THEN 'B' WHEN r_path < 0.96 THEN 'C' ELSE 'D' END
               AS path,
           dir.communities, dir.streets, depts.codes AS dept_codes, items.depts AS item_depts,
           items.days AS item_days
    FROM draw d, dir, depts, items),
dispatched AS (
    -- look the codes up here and carry no arrays further: later steps sort a million rows
    SELECT p.n, p.r_desk2, p.r_ret, p.r_ret2, p.r_dec, p.r_lr, p.r_res, p.r_reo, p.r_conf, p.r_res2, p.r_close,
           p.r_score, p.raised_at, p.listed, p.path, communities[ci] AS community, streets[ci] AS street,
           CASE WHEN listed THEN item_depts[ii]
                ELSE dept_codes[1 + floor(r_d1 * array_length(dept_codes, 1))::int] END AS d1,
           dept_codes[1 + floor(r_d2 * array_length(dept_codes, 1))::int] AS d2,
           dept_codes[1 + floor(r_d3 * array_length(dept_codes, 1))::int] AS d3,
           CASE WHEN listed THEN item_days[ii] ELSE 7 END AS resolve_days,
           -- listed: dispatched by the list at once; unlisted: the street desk picks a department
           raised_at + CASE WHEN listed THEN INTERVAL '2 seconds'
                            ELSE (0.5 + r_desk * 7.5) * INTERVAL '1 hour' END AS d1_at,
           -- accepting takes minutes to most of a day; 1.5 % are accepted just after the limit
           CASE WHEN path = 'A' AND r_late < 0.015 THEN (24 + r_acc * 0.5) * INTERVAL '1 hour'
                ELSE (0.1 + r_acc * r_acc * 22) * INTERVAL '1 hour' END AS accept_delay
    FROM placed p),
answered AS (
    SELECT d.*,
           d1_at + INTERVAL '24 hours' AS timeout_at,
           d1_at + (0.2 + r_ret * 10) * INTERVAL '1 hour' AS returned1_at,
           CASE path WHEN 'B' THEN d1_at + INTERVAL '24 hours' + (0.5 + r_desk2 * 5.5) * INTERVAL '1 hour'
                     WHEN 'C' THEN d1_at + (0.2 + r_ret * 10) * INTERVAL '1 hour'
                                   + (0.5 + r_desk2 * 5.5) * INTERVAL '1 hour'
                     WHEN 'D' THEN d1_at + (0.2 + r_ret * 10) * INTERVAL '1 hour'
                                   + (0.5 + r_desk2 * 5.5) * INTERVAL '1 hour' END AS d2_at
    FROM dispatched d),
taken AS (
    SELECT a.*,
           d2_at + (0.2 + r_ret2 * 10) * INTERVAL '1 hour' AS returned2_at,
           CASE path WHEN 'A' THEN d1_at + accept_delay
                     WHEN 'D' THEN d2_at + (0.2 + r_ret2 * 10) * INTERVAL '1 hour' + (1 + r_dec * 23) * INTERVAL '1 hour'
                     ELSE d2_at + accept_delay END AS taken_at,
           CASE path WHEN 'A' THEN d1 WHEN 'D' THEN d3 ELSE d2 END AS handler,
           path <> 'D' AND accept_delay <= INTERVAL '24 hours' AS accept_on_time,
           -- working days as calendar days: 5 working days ≈ 7 days
           ceil(resolve_days * 1.4)::int * INTERVAL '1 day' AS limit_days
    FROM answered a),
resolved AS (
    SELECT t.*, taken_at + limit_days AS due_at, r_lr < 0.12 AS late,
           CASE WHEN r_lr < 0.12 THEN taken_at + limit_days + (0.2 + r_res * 5) * INTERVAL '1 day'
                ELSE taken_at + limit_days * (0.1 + 0.85 * r_res) END AS resolved_at
    FROM taken t),
confirmed AS (
    SELECT r.*, r_reo < 0.06 AS reopened,
           resolved_at + (0.3 + r_conf * 2) * INTERVAL '1 day' AS reopened_at,
           resolved_at + (0.3 + r_conf * 2) * INTERVAL '1 day' + limit_days * (0.1 + 0.8 * r_res2) AS resolved2_at
    FROM resolved r),
closed AS (
    SELECT c.*,
           CASE WHEN reopened THEN resolved2_at ELSE resolved_at END
               + (0.3 + r_close * 3) * INTERVAL '1 day' AS closed_at,
           CASE WHEN r_score < 0.55 THEN 5 WHEN r_score < 0.80 THEN 4 WHEN r_score < 0.90 THEN 3
                WHEN r_score < 0.96 THEN 2 ELSE 1 END AS score
    FROM confirmed c),
kept AS (
    -- tickets still running at "now" are not closed tickets: leave them out
    SELECT * FROM closed WHERE closed_at < TIMESTAMP '${now}' ORDER BY n LIMIT ${tickets})
SELECT 'TK-' || extract(year FROM raised_at)::int || '-'
           || lpad(row_number() OVER (PARTITION BY extract(year FROM raised_at) ORDER BY raised_at, n)::text, 6, '0')
           AS business_key,
       substr(md5('tk' || n), 1, 8) || '-' || substr(md5('tk' || n), 9, 4) || '-' || substr(md5('tk' || n), 13, 4)
           || '-' || substr(md5('tk' || n), 17, 4) || '-' || substr(md5('tk' || n), 21, 12) AS pid,
       community, street, listed, path, d1, d2, d3, handler, raised_at, d1_at, timeout_at, returned1_at, d2_at,
       returned2_at, taken_at, accept_on_time, due_at, late, resolved_at, reopened, reopened_at, resolved2_at,
       closed_at, score
FROM kept;

-- step: later real tickets get keys after the generated ones
DO $$
DECLARE
    y record;
BEGIN
    FOR y IN SELECT extract(year FROM raised_at)::int AS year, COUNT(*) AS n FROM bench_ticket GROUP BY 1 LOOP
        IF to_regclass('key_sequence') IS NOT NULL THEN
            -- the schema before V20 (the baseline run): the counter table, which V20 turns into sequences
            INSERT INTO key_sequence (prefix, seq_year, last_value) VALUES ('TK', y.year, y.n)
            ON CONFLICT (prefix, seq_year) DO UPDATE SET last_value = GREATEST(key_sequence.last_value, EXCLUDED.last_value);
        ELSE
            -- one sequence per prefix and year (KeySequence)
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS key_tk_%s', y.year);
            EXECUTE format('SELECT setval(%L, GREATEST(%s, (SELECT last_value FROM key_tk_%s)))',
                           'key_tk_' || y.year, y.n, y.year);
        END IF;
    END LOOP;
END
$$;

