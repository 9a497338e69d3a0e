package cn.lianban.issue;

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
class RegisterIssue implements JavaDelegate {

    private final IssueService issues;
    private final CaseAccess access;
    private final CaseLog log;
    private final IssueSummary summary;

    RegisterIssue(IssueService issues, CaseAccess access, CaseLog log, IssueSummary summary) {
        this.summary = summary;
        this.issues = issues;
        this.access = access;
        this.log = log;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IssueVariables variables = new IssueVariables(execution);
        var filer = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        IssueService.Filed filed = issues.file(variables.filing(), filer == null ? null : filer.getGroupIds());
        execution.setProcessBusinessKey(filed.businessKey());
        Placement p = filed.placement();
        variables.normalizeFiling();
        variables.setPosition(filed.position());
        variables.setCaseNo(filed.businessKey());
        variables.setPlace(p);
        variables.setCategoryName(IssueCategories.chineseName(variables.category()));
        variables.setEscalations(0);
        variables.setReopens(0);
        variables.setCoDepts(List.of());
        access.open(execution.getProcessInstanceId(),
                List.of(variables.communityGroup(), variables.areaGroup(), variables.streetGroup()));
        log.record(filed.businessKey(), execution.getProcessInstanceId(), "FILED",
                p.community().name() + "：" + variables.title());
        summary.update(execution);
    }
}
