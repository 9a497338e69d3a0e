-- The audit trail of the generated tickets (bench_ticket, tickets.sql) and cases (bench_case, cases.sql) in
-- one statement, ordered by time: a live system appends the events of all cases interleaved as they happen,
-- so the table's physical order follows occurred_at, and so does the id.
-- Placeholders: ${now}.

-- step: append all events of tickets and cases, in time order
INSERT INTO case_event (business_key, process_instance_id, occurred_at, actor, action, detail, dept_code,
                        community_code, street_code, on_time, score, due_at)
SELECT * FROM (
    SELECT t.business_key, t.pid, e.at, e.actor, e.action, e.detail, e.dept, t.community, t.street, e.on_time,
           e.score, e.due
    FROM bench_ticket t
    CROSS JOIN LATERAL (VALUES
        (true, t.raised_at, 'grid-' || t.community, 'RAISED',
         '小区门口人行道上堆放的建筑垃圾已有一周，影响居民通行，请尽快清理。', NULL::varchar, NULL::boolean,
         NULL::int, NULL::timestamp),
        (true, t.d1_at, CASE WHEN t.listed THEN 'grid-' || t.community ELSE 'desk-' || t.street END, 'DISPATCHED',
         '派至 ' || t.d1, t.d1, NULL, NULL, t.d1_at + INTERVAL '24 hours'),
        (t.path = 'B', t.timeout_at, 'system', 'ACCEPT_TIMEOUT', '24小时内未接单，转街道协调派单', t.d1, false, NULL,
         NULL),
        (t.path IN ('C', 'D'), t.returned1_at, t.d1 || '-staff', 'RETURNED', '第1次退单：不属于本部门职责范围', t.d1,
         NULL, NULL, NULL),
        (t.path <> 'A', t.d2_at, 'desk-' || t.street, 'DISPATCHED', '派至 ' || t.d2, t.d2, NULL, NULL,
         t.d2_at + INTERVAL '24 hours'),
        (t.path = 'D', t.returned2_at, t.d2 || '-staff', 'RETURNED', '第2次退单：应由其他部门主办', t.d2, NULL, NULL,
         NULL),
        (t.path = 'D', t.taken_at, 'desk-' || t.street, 'IMPOSED', '街道裁定由 ' || t.d3 || ' 承办：职责交叉，由主责部门承办',
         t.d3, NULL, NULL, t.due_at),
        (t.path <> 'D', t.taken_at, t.handler || '-staff', 'ACCEPTED',
         CASE WHEN t.accept_on_time THEN '按时接单' ELSE '超时接单' END, t.handler, t.accept_on_time, NULL, t.due_at),
        (t.late, t.due_at, 'system', 'OVERDUE', '超过办理时限', t.handler, NULL, NULL, NULL),
        (t.late, t.due_at, 'system', 'SUPERVISED', '督办：超过办理时限未办结，已通知承办部门和街道', t.handler, NULL, NULL,
         NULL),
        (true, t.resolved_at, t.handler || '-staff', 'RESOLVED', '已到现场处理完毕，垃圾已清运，通道恢复通行。', t.handler,
         NOT t.late, NULL, NULL),
        (t.reopened, t.reopened_at, 'secretary-' || t.community, 'REOPENED', '社区确认未解决，第1次重新办理', t.handler,
         NULL, 0, NULL),
        (t.reopened, t.resolved2_at, t.handler || '-staff', 'RESOLVED', '已再次处理，居民确认通行正常。', t.handler, true,
         NULL, NULL),
        (true, t.closed_at, 'secretary-' || t.community, 'CLOSED', '已解决，满意度 ' || t.score, t.handler, NULL,
         t.score, NULL)
    ) AS e(applies, at, actor, action, detail, dept, on_time, score, due)
    WHERE e.applies
    UNION ALL
    SELECT c.business_key, c.pid, e.at, e.actor, e.action, e.detail, NULL, NULL, NULL, NULL, NULL, NULL
    FROM bench_case c
    CROSS JOIN LATERAL (VALUES
        (true, c.filed_at, 'secretary-' || c.community, 'FILED', '社区：老旧小区雨污管网堵塞，雨天积水严重'),
        (c.overridden, c.assigned_at, 'committee-' || c.area, 'RATING_OVERRIDE', '绿色 → 黄色，理由：涉及多个部门'),
        (true, c.assigned_at, 'committee-' || c.area, 'ASSIGNED', '评级，建议牵头部门 ' || c.dept),
        (c.color <> 'GREEN', c.meeting_at - INTERVAL '1 day', 'committee-' || c.area, 'MEETING_CONVENED',
         '联席会商：' || c.dept || ' 牵头'),
        (c.color <> 'GREEN', c.meeting_at, 'committee-' || c.area, 'MEETING', '会商纪要：' || c.dept || ' 牵头，相关部门配合'),
        (c.color <> 'GREEN', c.handled_at - INTERVAL '12 hours', 'urban-staff', 'ASSISTED', '已配合清理'),
        (c.handled_at > c.due_at, c.due_at, 'system', 'OVERDUE', '超过办理期限'),
        (c.escalations >= 1, c.assigned_at + (c.handled_at - c.assigned_at) / (c.escalations + 1), 'committee-' || c.area,
         'ESCALATED', '逐级汇办，提级办理'),
        (c.escalations >= 2, c.assigned_at + 2 * (c.handled_at - c.assigned_at) / (c.escalations + 1),
         'committee-' || c.area, 'ESCALATED', '逐级汇办，提级办理'),
        (true, c.handled_at, c.dept || '-staff', 'HANDLED', '已办理：管网已疏通'),
        (c.reopened, c.handled_at + INTERVAL '1 day', 'secretary-' || c.community, 'REOPENED', '居民不满意，重新办理'),
        (true, c.closed_at - INTERVAL '2 hours', 'secretary-' || c.community, 'EVALUATED', '满意，评分 5'),
        (true, c.closed_at, 'secretary-' || c.community, 'CLOSED', '已销号')
    ) AS e(applies, at, actor, action, detail)
    WHERE e.applies AND e.at < TIMESTAMP '${now}'
) events
ORDER BY 3;

-- step: drop the staging tables
DROP TABLE bench_ticket, bench_case;
