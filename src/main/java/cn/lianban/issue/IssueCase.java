package cn.lianban.issue;

import java.time.Instant;
import java.util.List;

/**
 * A joint-handling case's row in table issue_summary: its business data as the process last wrote it, for the
 * modules that show cases (the case page, 我的事项), read through {@link IssueCaseReader}. Null where the case has
 * not come that far (no colour before rating, no lead department before assignment, no meeting below level 3).
 *
 * @param statusLabel  the Chinese word of {@code status} as the process wrote it
 * @param coDepts      the co-departments (协办部门) by code; empty before the meeting
 * @param handleGroup  the candidate group that handles the case now
 * @param dueAt        the handling deadline of the timers ({@code dueDate})
 * @param clockDue     the deadline of its running clock, kept when the clock stops
 * @param clockRunning whether a clock runs now
 * @param location     the filing's 具体位置 as typed, or null
 * @param lat          the filing's position, WGS-84 degrees, or null (with {@code lon}: both or neither)
 * @param gridCode     the grid filed for (issue 14), whose workers see the case; null for the whole community
 * @param gridName     that grid's name
 */
public record IssueCase(String businessKey, String processInstanceId, String title, String description,
                        String communityCode, String communityName, String areaCode, String streetCode,
                        String category, String color, Integer level, String status, String statusLabel,
                        String leadDept, List<String> coDepts, String handleGroup, Instant meetingAt,
                        String meetingPlace, Instant filedAt, Instant dueAt, Instant closedAt, Instant clockStart,
                        Instant clockDue, boolean clockRunning, long escalations, String location, Double lat,
                        Double lon, String gridCode, String gridName) {

    /** The highest level (第五级, 市级): nothing is escalated or raised above it. */
    public static final int TOP_LEVEL = Levels.TOP;

    public IssueCase {
        coDepts = coDepts == null ? List.of() : List.copyOf(coDepts);
    }
}
