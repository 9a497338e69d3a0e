package cn.lianban.cases;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import cn.lianban.common.CaseLog;
import cn.lianban.common.Forbidden;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Comments (意见) of the deputies (两代表一委员) on the cases of their area they follow, recorded in the case's
 * audit trail and so shown on the case page. Whoever else may see the case, or a deputy of another area, is refused
 * (403); for anyone else the case does not exist (404).
 */
@Service
class CaseComments {

    static final int MAX_TEXT = 500;

    private final CaseHistory history;
    private final CaseVisibility visibility;
    private final CaseLog log;

    CaseComments(CaseHistory history, CaseVisibility visibility, CaseLog log) {
        this.history = history;
        this.visibility = visibility;
        this.log = log;
    }

    /** A comment as the page's form or {@code POST /api/cases/{key}/comments} sends it. */
    record Comment(@NotBlank(message = "请填写意见") @Size(max = MAX_TEXT, message = "意见不能超过 500 字") String text) {
    }

    /** Whether the user may comment on the case: a deputy of its area, following it. */
    boolean mayComment(Authentication user, CaseFacts c) {
        return visibility.followsAsDeputy(user, c);
    }

    void comment(String businessKey, Comment comment, Authentication user) {
        CaseFacts c = history.find(businessKey).orElseThrow(() -> CaseUploads.caseNotFound(businessKey));
        if (!mayComment(user, c)) {
            if (CaseVisibility.isDeputy(user) || visibility.maySee(user, c)) {
                throw new Forbidden("只有本片区的两代表一委员可以对召开过联席会议的本片区事项发表意见");
            }
            throw CaseUploads.caseNotFound(businessKey);
        }
        log.record(c.businessKey(), c.processInstanceId(), ActionLabels.COMMENTED, comment.text().strip());
    }
}
