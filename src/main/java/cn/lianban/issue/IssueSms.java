package cn.lianban.issue;

import org.springframework.stereotype.Component;

import cn.lianban.notify.ResidentLinks;
import cn.lianban.notify.ResidentUrls;
import cn.lianban.notify.SmsKind;
import cn.lianban.notify.SmsOutbox;

/**
 * The SMS a resident who reported a joint case (reporterPhone) gets on each status the case enters, queued in the
 * step's transaction by {@link IssueStatusListener}: the case's number and the status in words, nothing else (no
 * names, no notes, no departments). On 已销号 it carries the rating link ({@link ResidentCaseRatings}); a case merged
 * into another names the case it goes on in, and gets no link of its own (the main case's reporter rates that one).
 */
@Component
class IssueSms {

    private final SmsOutbox outbox;
    private final ResidentLinks links;
    private final ResidentUrls urls;

    IssueSms(SmsOutbox outbox, ResidentLinks links, ResidentUrls urls) {
        this.outbox = outbox;
        this.links = links;
        this.urls = urls;
    }

    void entered(IssueVariables issue, IssueStatus status) {
        String phone = issue.reporterPhone();
        if (phone == null) {
            return;
        }
        String key = issue.caseNo();
        outbox.send(phone, text(key, status, issue.mergedInto()), SmsKind.CASE_STATUS, key);
    }

    private String text(String key, IssueStatus status, String mainKey) {
        String issue = "您反映的问题 " + key + " ";
        return switch (status) {
            case RATING -> issue + "已登记受理，正在评级。";
            case MEETING -> issue + "已进入联席会商。";
            case HANDLING -> issue + "已进入办理。";
            case ESCALATING -> issue + "正在申请升级办理。";
            case EVALUATING -> issue + "已办理完毕，待社区评价销号。";
            case CLOSED -> issue + "已办结销号，请在 " + ResidentLinks.VALID.toDays() + " 天内评价办理结果："
                    + urls.rating(links.issue(key));
            case SHELVED -> issue + "已列入挂账事项，条件具备后继续办理。";
            case TERMINATED -> issue + "已终止办理。";
            case MERGED -> issue + "已并入 " + mainKey + " 一并办理。";
        };
    }
}
