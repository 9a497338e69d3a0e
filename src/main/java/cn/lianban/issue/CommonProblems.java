package cn.lianban.issue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.LocalTimes;
import cn.lianban.directory.UnitType;

/**
 * 区域共性问题 in the BPMN: the similar cases the rating form shows (start listener of {@code rate}), and who
 * evaluates (the collection of the multi-instance {@code evaluate}: every community of the case, one task each, each
 * opened blank). Public only because BPMN expressions can call methods of public classes alone.
 */
@Component("commonProblems")
public class CommonProblems {

    private final SimilarCases similar;
    private final IssueLabels labels;

    /** The newest similar cases the form lists: more would not fit a text variable (4,000 characters) nor a form. */
    static final int SHOWN = 12;

    CommonProblems(SimilarCases similar, IssueLabels labels) {
        this.similar = similar;
        this.labels = labels;
    }

    /** Writes the similar open cases of other communities into the case for the rating form. */
    public void offer(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        String area = variables.areaCode();
        List<String> lines = new ArrayList<>();
        List<Map<String, String>> options = new ArrayList<>();
        List<SimilarCases.Similar> found = similar.of(execution.getProcessBusinessKey(), variables.category(),
                variables.communityCode(), area);
        for (SimilarCases.Similar s : found.subList(0, Math.min(SHOWN, found.size()))) {
            String title = HandlingRounds.plain(s.title());
            String note = s.mergeableIn(area) ? "" : s.mainCase() ? "（已有其他案件并入，不能再并案）" : "（邻近片区，仅供参考）";
            lines.add("- [" + s.businessKey() + "](/cases/" + s.businessKey() + ") " + title + " · "
                    + HandlingRounds.plain(s.communityName()) + " · " + LocalTimes.minutes(s.filedAt()) + note);
            if (s.mergeableIn(area)) {
                // a mutable map: the engine stores the list as JSON with its Java types and reads it back
                Map<String, String> option = new LinkedHashMap<>();
                option.put("label", s.businessKey() + " " + s.title() + "（" + s.communityName() + "）");
                option.put("value", s.businessKey());
                options.add(option);
            }
        }
        if (found.size() > SHOWN) {
            lines.add("- 另有 " + (found.size() - SHOWN) + " 件提报较早的同类事项未列出");
        }
        variables.setSimilarCases(String.join("\n", lines), options);
        if (options.isEmpty()) {
            variables.setMergeCases(List.of()); // clears the choice of an earlier rating, if there was one
        } else {
            variables.prepareMergeChecklist();
        }
    }

    /** The community groups that evaluate the case: its own, then those of the cases merged into it. */
    public List<String> evaluators(DelegateExecution execution) {
        return new IssueVariables(execution).communityCodes().stream().map(UnitType.COMMUNITY::group).toList();
    }

    /** Opens one community's 评价销号 (start listener of {@code evaluate}, on that community's execution). */
    public void openEvaluation(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        variables.openEvaluation(labels.unitName(variables.evaluatorGroup()));
    }
}
