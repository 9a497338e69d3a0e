package cn.lianban.issue;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The case's status as the contract names it, set by the BPMN listeners of the steps ({@code
 * ${issueStatus.enter(execution, 'MEETING')}}): the process variable {@code status}, its Chinese
 * {@code statusLabel} for Tasklist cards and the dashboard's issue_summary row change together, in the engine's
 * transaction; the step's form opens without the answers of its last round ({@link FreshAnswers}).
 */
@Component("issueStatus")
public class IssueStatus {

    public static final String RATING = "RATING";
    public static final String MEETING = "MEETING";
    public static final String HANDLING = "HANDLING";
    public static final String ESCALATING = "ESCALATING";
    public static final String EVALUATING = "EVALUATING";
    public static final String CLOSED = "CLOSED";
    /** In the order a case passes them. */
    public static final List<String> ALL = List.of(RATING, MEETING, HANDLING, ESCALATING, EVALUATING, CLOSED);

    private final IssueSummary summary;

    public IssueStatus(IssueSummary summary) {
        this.summary = summary;
    }

    public void enter(DelegateExecution execution, String status) {
        execution.setVariable("status", status);
        execution.setVariable("statusLabel", chineseName(status));
        FreshAnswers.clear(execution, status);
        summary.update(execution);
    }

    /** The status in Chinese, as the dashboard and exports show it. */
    public static String chineseName(String status) {
        return switch (status) {
            case RATING -> "待评级";
            case MEETING -> "联席会商";
            case HANDLING -> "办理中";
            case ESCALATING -> "升级审批";
            case EVALUATING -> "评价销号";
            case CLOSED -> "已销号";
            default -> status;
        };
    }
}
