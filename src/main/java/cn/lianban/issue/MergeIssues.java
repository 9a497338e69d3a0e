package cn.lianban.issue;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 并案 after rating: the similar cases the committee ticked are merged into this case (none ticked: nothing
 * happens); the case then lists all their communities, each of which evaluates it.
 */
@Component("mergeIssues")
class MergeIssues implements JavaDelegate {

    private final SimilarCases similar;
    private final IssueMerges merges;

    MergeIssues(SimilarCases similar, IssueMerges merges) {
        this.similar = similar;
        this.merges = merges;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        String key = execution.getProcessBusinessKey();
        List<SimilarCases.Similar> chosen = similar.checkMerge(variables.mergeCasesAsSent(), key,
                variables.category(), variables.communityCode(), variables.areaCode());
        if (chosen.isEmpty()) {
            return;
        }
        IssueMerges.Merged merged = merges.merge(key, execution.getProcessInstanceId(), chosen,
                variables.mergedCases(), variables.communityCodes());
        variables.setMerged(merged.mergedKeys(), merged.communityCodes(), String.join("、", merged.communityNames()));
    }
}
