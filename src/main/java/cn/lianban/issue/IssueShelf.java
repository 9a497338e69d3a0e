package cn.lianban.issue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.lianban.calendar.WorkingCalendar;
import cn.lianban.common.CaseLabels;
import cn.lianban.common.EngineClock;
import cn.lianban.common.LocalTimes;
import cn.lianban.common.UserInputException;

/**
 * 挂账: the rules for putting a case on the register and reviewing it, and the register itself (table
 * issue_shelf, written in the process's transaction). A case on the register has no running clock; it is reviewed
 * at least monthly, on a working day, until the review resumes, escalates or ends it.
 */
@Service
class IssueShelf {

    static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    IssueShelf(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** What the approver entered to put a case on the register, checked. */
    record Shelving(ShelfReason reason, String text, ZonedDateTime reviewAt) {
    }

    /** What a review decided, checked; {@code nextReviewAt} only when the case stays on the register. */
    record Review(ShelfDecision decision, String note, ZonedDateTime nextReviewAt) {
    }

    Shelving shelving(String category, String text, Object reviewDate) {
        ShelfReason reason = Arrays.stream(ShelfReason.values()).filter(r -> r.name().equals(category)).findFirst()
                .orElseThrow(() -> new UserInputException("shelfCategory", "请选择挂账原因：政策、资金、规划或其他"));
        return new Shelving(reason, requiredText(text, "shelfReason", "请写明挂账理由（暂不能解决的具体原因）"),
                reviewAt(reviewDate));
    }

    Review review(String decisionValue, String note, Object nextReviewDate, int level) {
        ShelfDecision decision = Arrays.stream(ShelfDecision.values()).filter(d -> d.name().equals(decisionValue))
                .findFirst().orElseThrow(() -> new UserInputException("shelfDecision",
                        "请选择复核结论：继续挂账、恢复办理、升级办理或终止办理"));
        if (decision == ShelfDecision.ESCALATE && level >= Levels.TOP) {
            throw new UserInputException("shelfDecision", "本事项已在第五级（市级）办理，不能再升级");
        }
        String text = requiredText(note, "shelfNote", decision == ShelfDecision.END
                ? "终止办理须写明理由" : "请填写复核意见");
        return new Review(decision, text, decision == ShelfDecision.KEEP ? reviewAt(nextReviewDate) : null);
    }

    /**
     * The review is monthly: a date after today and at most a month ahead (a month ahead when none is given),
     * moved to the next working day when it is none, at the start of the working day.
     */
    ZonedDateTime reviewAt(Object sent) {
        LocalDate today = EngineClock.now().toLocalDate();
        LocalDate latest = today.plusMonths(1);
        LocalDate date = sent == null || sent.toString().isBlank() ? latest
                : IssueService.parseDate(sent, "shelfReviewDate", "复核日期须为日期（如 2026-12-31）");
        if (!date.isAfter(today)) {
            throw new UserInputException("shelfReviewDate", "复核日期须晚于今天");
        }
        if (date.isAfter(latest)) {
            throw new UserInputException("shelfReviewDate", "挂账事项每月至少复核一次：复核日期不能晚于 " + latest);
        }
        while (!calendar.isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date.atTime(WorkingCalendar.REMINDER_TIME).atZone(EngineClock.ZONE);
    }

    /** A row of the register: the case, where it sits, why and until when it waits. */
    record Entry(String businessKey, String processInstanceId, String communityCode, String areaCode,
                 String streetCode, int level, String reasonCategory, String reason, Instant shelvedAt,
                 Instant reviewAt) {
    }

    void put(Entry e) {
        jdbc.sql("INSERT INTO issue_shelf (business_key, process_instance_id, community_code, area_code, street_code, "
                        + "level, reason_category, reason, shelved_at, review_at) VALUES (:businessKey, "
                        + ":processInstanceId, :communityCode, :areaCode, :streetCode, :level, :reasonCategory, "
                        + ":reason, :shelvedAt, :reviewAt)")
                .param("businessKey", e.businessKey()).param("processInstanceId", e.processInstanceId())
                .param("communityCode", e.communityCode()).param("areaCode", e.areaCode())
                .param("streetCode", e.streetCode()).param("level", e.level())
                .param("reasonCategory", e.reasonCategory()).param("reason", e.reason())
                .param("shelvedAt", Timestamp.from(e.shelvedAt())).param("reviewAt", Timestamp.from(e.reviewAt()))
                .update();
    }

    /** A review kept the case on the register until {@code next}. */
    void reviewed(String businessKey, String note, Instant next) {
        jdbc.sql("UPDATE issue_shelf SET reviews = reviews + 1, last_review_note = :note, review_at = :next "
                        + "WHERE business_key = :key AND outcome IS NULL")
                .param("note", note).param("next", Timestamp.from(next)).param("key", businessKey).update();
    }

    /** The case leaves the register: reviewed (resumed, escalated, ended) or pulled up by the city center. */
    void leave(String businessKey, ShelfState outcome, String note, boolean reviewed) {
        jdbc.sql("UPDATE issue_shelf SET reviews = reviews + :reviewed, last_review_note = :note, outcome = :outcome, "
                        + "left_at = :now WHERE business_key = :key AND outcome IS NULL")
                .param("reviewed", reviewed ? 1 : 0).param("note", note).param("outcome", outcome.name())
                .param("now", Timestamp.from(EngineClock.now().toInstant())).param("key", businessKey).update();
    }

    /** One line of the register page and its export; public (and its words) for the page's template only. */
    public record Line(String businessKey, String title, String communityName, Integer level, String reasonCategory,
                String reason, Instant shelvedAt, Instant reviewAt, int reviews, String lastReviewNote,
                String outcome, Instant leftAt) {

        public String levelLabel() {
            return level == null ? "" : CaseLabels.levelLabel(level);
        }

        public String shelvedLabel() {
            return LocalTimes.minutes(shelvedAt);
        }

        /** The next review while on the register; nothing once it has left. */
        public String reviewLabel() {
            return outcome == null ? LocalTimes.minutes(reviewAt) : "";
        }

        public String leftLabel() {
            return leftAt == null ? "" : LocalTimes.minutes(leftAt);
        }

        public String reasonLabel() {
            return Arrays.stream(ShelfReason.values()).filter(r -> r.name().equals(reasonCategory)).findFirst()
                    .map(ShelfReason::label).orElse(reasonCategory);
        }

        public String stateLabel() {
            return ShelfState.labelOf(outcome);
        }
    }

    /**
     * The register of the given communities (null: the whole city), the cases on it first (soonest review first),
     * then those that have left it (latest first).
     */
    List<Line> register(Set<String> communities) {
        String where = communities == null ? "" : " WHERE s.community_code IN (:communities)";
        var spec = jdbc.sql("SELECT s.business_key, i.title, i.community_name, s.level, s.reason_category, s.reason, "
                + "s.shelved_at, s.review_at, s.reviews, s.last_review_note, s.outcome, s.left_at "
                + "FROM issue_shelf s LEFT JOIN issue_summary i ON i.business_key = s.business_key" + where
                + " ORDER BY CASE WHEN s.outcome IS NULL THEN 0 ELSE 1 END, "
                + "CASE WHEN s.outcome IS NULL THEN s.review_at END, s.left_at DESC, s.id DESC");
        if (communities != null) {
            spec = spec.param("communities", communities);
        }
        return spec.query(Line.class).list();
    }

    private static String requiredText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new UserInputException(field, message);
        }
        if (value.length() > MAX_TEXT) {
            throw new UserInputException(field, "内容不能超过" + MAX_TEXT + "个字");
        }
        return value.strip();
    }
}
