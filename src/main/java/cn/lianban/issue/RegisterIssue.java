package cn.lianban.issue;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.IssueCategories;
import cn.lianban.security.CaseAccess;

/**
 * 登记立案: checks the filing, gives it its JH key (also {@code caseNo} for cards and forms), fills in the filer's
 * community when left empty, records where it sits and opens it to its units.
 */
@Component("registerIssue")
public class RegisterIssue implements JavaDelegate {

    private final IssueService issues;
    private final CaseAccess access;
    private final CaseLog log;
    private final IssueSummary summary;

    public RegisterIssue(IssueService issues, CaseAccess access, CaseLog log, IssueSummary summary) {
        this.summary = summary;
        this.issues = issues;
        this.access = access;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var filer = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        IssueService.Filed filed = issues.file(execution.getVariables(), filer == null ? null : filer.getGroupIds());
        execution.setProcessBusinessKey(filed.businessKey());
        Placement p = filed.placement();
        IssueVariables.normalizeFiling(execution);
        execution.setVariable("caseNo", filed.businessKey());
        execution.setVariable("communityCode", p.community().code());
        execution.setVariable("communityName", p.community().name());
        execution.setVariable("categoryName", IssueCategories.chineseName(IssueVariables.text(execution, "category")));
        execution.setVariable("areaCode", p.area().code());
        execution.setVariable("streetCode", p.street().code());
        execution.setVariable("communityGroup", IssueVariables.communityGroup(p));
        execution.setVariable("areaGroup", IssueVariables.areaGroup(p));
        execution.setVariable("streetGroup", IssueVariables.streetGroup(p));
        execution.setVariable("escalations", 0L);
        execution.setVariable("reopens", 0L);
        execution.setVariable("coDepts", new ArrayList<String>());
        access.open(execution.getProcessInstanceId(),
                List.of(IssueVariables.communityGroup(p), IssueVariables.areaGroup(p), IssueVariables.streetGroup(p)));
        log.record(filed.businessKey(), execution.getProcessInstanceId(), "FILED",
                p.community().name() + "：" + execution.getVariable("title"));
        summary.update(execution);
    }
}
