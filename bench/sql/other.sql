-- The dashboard's smaller sources at a plausible size for two years, so that their queries are measured on
-- more than the demo's empty tables: 双报到 check-ins, venue bookings (with the hours they hold), activities
-- with sign-ups, community orders and resource claims.
-- Placeholders: ${now}, ${today}, ${months}, ${seed}, ${checkins}.

-- step: seed the random generator
SELECT setseed(${seed} / 3);

-- step: 双报到 check-ins: members mostly serve the community of their own grid
INSERT INTO checkin (member_id, community_code, service_date, hours, activity, created_at)
WITH mem AS (SELECT array_agg(m.id ORDER BY m.id) AS ids, array_agg(g.community_code ORDER BY m.id) AS homes
             FROM agency_member m JOIN grid g ON g.code = m.grid_code),
com AS (SELECT array_agg(code ORDER BY code) AS codes FROM community),
k AS (SELECT random() r_member, random() r_other, random() r_comm, random() r_hours,
             DATE '${today}' - 1 - floor(random() * (DATE '${today}' - (DATE '${today}' - INTERVAL '${months} months')::date))::int
                 AS day
      FROM generate_series(1, ${checkins}) n)
SELECT mem.ids[1 + floor(r_member * array_length(mem.ids, 1))::int],
       CASE WHEN r_other < 0.9 THEN mem.homes[1 + floor(r_member * array_length(mem.ids, 1))::int]
            ELSE com.codes[1 + floor(r_comm * array_length(com.codes, 1))::int] END,
       day, round((0.5 + r_hours * 3.5)::numeric, 1), '入户走访，宣传政策', day + TIME '20:00'
FROM k, mem, com
ORDER BY day;

-- step: venue bookings: on about half the days each venue has one booking of one or two hours
CREATE UNLOGGED TABLE bench_booking AS
SELECT 'B-' || to_char(b.day, 'YYYYMMDD') || '-' || lpad(row_number() OVER (PARTITION BY b.day ORDER BY b.code)::text, 6, '0')
           AS code,
       b.code AS venue_code, b.start_at, b.start_at + b.hours * INTERVAL '1 hour' AS end_at, b.hours,
       CASE WHEN b.r_status < 0.9 THEN 'ACTIVE' ELSE 'CANCELLED' END AS status
FROM (SELECT v.code, d.day, random() r_status,
             d.day::date + make_time(extract(hour FROM v.opens)::int + 1
                               + floor(random() * GREATEST(extract(hour FROM v.closes) - extract(hour FROM v.opens) - 3, 1))::int,
                               0, 0) AS start_at,
             CASE WHEN random() < 0.6 THEN 1 ELSE 2 END AS hours
      FROM venue v
      CROSS JOIN generate_series(DATE '${today}' - INTERVAL '${months} months', DATE '${today}' + 14,
                                 INTERVAL '1 day') d(day)
      WHERE random() < 0.5 AND extract(hour FROM v.closes) - extract(hour FROM v.opens) >= 4) b;

-- step: the bookings
INSERT INTO booking (code, venue_code, start_at, end_at, name, phone, status, purpose, created_at)
SELECT code, venue_code, start_at, end_at, '张先生', '13800000000', status, '社区议事', start_at - INTERVAL '3 days'
FROM bench_booking ORDER BY start_at;

-- step: the hours that active bookings hold
INSERT INTO booking_slot (venue_code, slot_start, booking_code)
SELECT venue_code, start_at + h * INTERVAL '1 hour', code
FROM bench_booking CROSS JOIN generate_series(0, 1) h
WHERE status = 'ACTIVE' AND h < hours;

-- step: drop the staging table
DROP TABLE bench_booking;

-- step: activities: about two a month at each venue
INSERT INTO activity (title, description, venue_code, unit_group, published_by, starts_at, ends_at, capacity, status,
                      created_at)
SELECT '社区健康讲座', '请携带身份证', v.code, 'city-center', 'center', a.starts_at, a.starts_at + INTERVAL '2 hours',
       a.capacity, CASE WHEN a.r_status < 0.95 THEN 'PUBLISHED' ELSE 'CANCELLED' END,
       a.starts_at - INTERVAL '7 days'
FROM venue v
CROSS JOIN LATERAL (SELECT random() r_status, 20 + floor(random() * 30)::int AS capacity,
                           date_trunc('hour', (TIMESTAMP '${now}' - INTERVAL '${months} months')
                               + random() * (INTERVAL '${months} months' + INTERVAL '30 days')) AS starts_at
                    FROM generate_series(1, ${months} * 2) n
                    -- reference v so that each venue draws its own activities
                    WHERE v.code IS NOT NULL) a
ORDER BY a.starts_at;

-- step: sign-ups: confirmed up to capacity (one in ten of them cancelled later), then the waiting list
INSERT INTO signup (activity_id, name, phone, active_phone, status, position, created_at, confirmed_at, cancelled_at,
                    attended, code)
SELECT s.activity_id, '李女士', s.phone, CASE WHEN s.status = 'CANCELLED' THEN NULL ELSE s.phone END, s.status,
       s.position, s.created_at, CASE WHEN s.status <> 'WAITLISTED' THEN s.created_at END,
       CASE WHEN s.status = 'CANCELLED' THEN s.created_at + INTERVAL '1 day' END,
       s.status = 'CONFIRMED' AND s.past AND s.r_attend < 0.8,
       -- unique, not secret: nobody cancels the benchmark's sign-ups
       'S-' || s.activity_id || '-' || s.position
FROM (SELECT a.id AS activity_id, p.position,
             '139' || lpad(((a.id * 97 + p.position) % 100000000)::text, 8, '0') AS phone,
             CASE WHEN p.position > a.capacity THEN 'WAITLISTED'
                  WHEN random() < 0.1 THEN 'CANCELLED' ELSE 'CONFIRMED' END AS status,
             a.created_at + p.position * INTERVAL '10 minutes' AS created_at,
             a.ends_at < TIMESTAMP '${now}' AS past, random() AS r_attend
      FROM activity a
      CROSS JOIN LATERAL generate_series(1, (a.capacity * (0.4 + random() * 0.8))::int + 1) p(position)
      -- the demo's activities, seeded at start, have their sign-ups already
      WHERE a.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM signup x WHERE x.activity_id = a.id)) s;

-- step: community orders, completed (and mostly confirmed), over the period
INSERT INTO community_order (business_key, community_code, category, need, amount, dept_code, status, result,
                             amount_spent, created_at, accepted_at, completed_at, confirmed_at)
SELECT 'RO-' || extract(year FROM o.created_at)::int || '-'
           || lpad(row_number() OVER (PARTITION BY extract(year FROM o.created_at) ORDER BY o.created_at)::text, 6, '0'),
       o.community, o.category, '为老年人活动室添置桌椅', o.amount, o.dept,
       CASE WHEN o.r_status < 0.8 THEN 'CONFIRMED' ELSE 'COMPLETED' END, '已完成采购安装', o.amount,
       o.created_at, o.created_at + INTERVAL '1 day', o.created_at + INTERVAL '10 days',
       CASE WHEN o.r_status < 0.8 THEN o.created_at + INTERVAL '12 days' END
FROM (SELECT com.codes[1 + floor(random() * array_length(com.codes, 1))::int] AS community,
             c.code AS category, c.order_dept AS dept, random() AS r_status,
             round((500 + random() * 20000)::numeric, 2) AS amount,
             (TIMESTAMP '${now}' - INTERVAL '${months} months') + random() * (INTERVAL '${months} months' - INTERVAL '13 days')
                 AS created_at
      FROM generate_series(1, 2500) n
      CROSS JOIN resource_category c
      CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM community) com) o;

-- step: resource claims on the demo's published lists, delivered (and mostly confirmed)
INSERT INTO resource_claim (business_key, item_code, community_code, need, amount, places, status, created_at,
                            decided_at, delivered_at, confirmed_at)
SELECT 'RC-' || extract(year FROM c.created_at)::int || '-' || lpad(row_number() OVER (ORDER BY c.created_at)::text, 6, '0'),
       c.item_code, c.community, '申请承接', CASE WHEN c.budget IS NULL THEN NULL ELSE round(c.budget / 50, 2) END,
       CASE WHEN c.budget IS NULL THEN 1 END, CASE WHEN c.r_status < 0.7 THEN 'CONFIRMED' ELSE 'DELIVERED' END,
       c.created_at, c.created_at + INTERVAL '1 day', LEAST(c.created_at + INTERVAL '5 days', TIMESTAMP '${now}'),
       CASE WHEN c.r_status < 0.7 THEN LEAST(c.created_at + INTERVAL '6 days', TIMESTAMP '${now}') END
FROM (SELECT i.code AS item_code, i.budget, random() AS r_status,
             com.codes[1 + floor(random() * array_length(com.codes, 1))::int] AS community,
             i.valid_from + random() * LEAST(i.valid_to - i.valid_from, GREATEST(DATE '${today}' - i.valid_from - 6, 0))
                 * INTERVAL '1 day' AS created_at
      FROM resource_item i CROSS JOIN generate_series(1, 10) n
      CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM community) com
      WHERE i.published AND i.valid_from < DATE '${today}' - 6) c;
