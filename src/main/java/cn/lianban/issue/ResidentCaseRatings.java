package cn.lianban.issue;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.CaseLog;
import cn.lianban.notify.RatedByResident;
import cn.lianban.notify.ResidentLinks;

/**
 * 回访 by the resident for a joint case (issue 14): a case filed with a reporterPhone sends its resident the rating
 * link when it is 已销号 ({@link IssueSms}). The process has ended by then, so the rating is recorded here: on the
 * case's row (issue_summary: the score, the comment, and satisfaction_by RESIDENT, so the resident's score is the
 * case's satisfaction instead of the community's 代评) and in the audit trail as 居民评价, in one transaction with
 * using the link up.
 */
@Service
class ResidentCaseRatings implements RatedByResident {

    static final String RATED = "RESIDENT_RATED";

    private final ResidentLinks links;
    private final IssueCaseReader cases;
    private final JdbcClient jdbc;
    private final CaseLog log;

    ResidentCaseRatings(ResidentLinks links, IssueCaseReader cases, JdbcClient jdbc, CaseLog log) {
        this.links = links;
        this.cases = cases;
        this.jdbc = jdbc;
        this.log = log;
    }

    /** A 已销号 case its resident has not rated yet, as the rating page shows it: no people, no notes. */
    @Override
    public Optional<ResidentLinks.Invitation> invitation(String businessKey) {
        return rateable(businessKey).map(c -> new ResidentLinks.Invitation(c.businessKey(), "案件", c.title(),
                "所在社区", c.communityName(), null, "案件已办结销号，您的评价将作为本案的满意度。"));
    }

    @Override
    @Transactional
    public void rate(String token, int score, String comment) {
        IssueService.checkSatisfaction(score);
        ResidentLinks.Used used = links.use(token, score, comment);
        IssueCase c = rateable(used.businessKey()).orElseThrow(ResidentLinks::expired);
        jdbc.sql("UPDATE issue_summary SET resident_satisfaction = ?, resident_comment = ?, satisfaction_by = ? "
                        + "WHERE business_key = ?")
                .params(score, used.comment(), IssueCase.RatedBy.RESIDENT.name(), c.businessKey()).update();
        log.record(new CaseLog.Entry(c.businessKey(), c.processInstanceId(), RATED, "反映人本人评价 " + score + " 分"
                + (used.comment() == null ? "" : "：" + used.comment())).score(score));
    }

    private Optional<IssueCase> rateable(String businessKey) {
        return cases.find(businessKey).filter(c -> IssueStatus.CLOSED.label().equals(c.statusLabel())
                && c.residentSatisfaction() == null);
    }
}
