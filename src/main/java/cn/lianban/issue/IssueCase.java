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
 * @param communitySatisfaction the community's 评价销号 score 1–5 (代评, on the residents' behalf), once 已销号
 * @param residentSatisfaction  the reporting resident's own score 1–5 through the SMS link (居民评价), or null
 * @param residentComment       the resident's comment with it, or null
 * @param satisfactionBy        whose score is the case's {@link #satisfaction()}; null before it is rated
 */
public record IssueCase(String businessKey, String processInstanceId, String title, String description,
                        String communityCode, String communityName, String areaCode, String streetCode,
                        String category, String color, Integer level, String status, String statusLabel,
                        String leadDept, List<String> coDepts, String handleGroup, Instant meetingAt,
                        String meetingPlace, Instant filedAt, Instant dueAt, Instant closedAt, Instant clockStart,
                        Instant clockDue, boolean clockRunning, long escalations, String location, Double lat,
                        Double lon, String gridCode, String gridName, Integer communitySatisfaction,
                        Integer residentSatisfaction, String residentComment, RatedBy satisfactionBy) {

    /** The highest level (第五级, 市级): nothing is escalated or raised above it. */
    public static final int TOP_LEVEL = Levels.TOP;

    public IssueCase {
        coDepts = coDepts == null ? List.of() : List.copyOf(coDepts);
    }

    /** The case's satisfaction: the resident's own score when they rated, the community's (代评) otherwise. */
    public Integer satisfaction() {
        return residentSatisfaction != null ? residentSatisfaction : communitySatisfaction;
    }

    /** Who gave a case's satisfaction, as table issue_summary keeps it (column satisfaction_by). */
    public enum RatedBy {
        /** The resident who reported it, through the rating link sent by SMS (居民评价). */
        RESIDENT("居民评价"),
        /** The community in 评价销号, on the residents' behalf (代评). */
        PROXY("社区评价（代评）");

        private final String label;

        RatedBy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
