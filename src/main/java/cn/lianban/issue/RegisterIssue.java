package cn.lianban.issue;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Grid;
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
        variables.setReporterPhone(filed.reporterPhone());
        variables.setCaseNo(filed.businessKey());
        variables.setPlace(p);
        variables.setGrid(filed.grid());
        variables.setCategoryName(IssueCategories.chineseName(variables.category()));
        variables.setEscalations(0);
        variables.setReopens(0);
        variables.setCoDepts(List.of());
        access.open(execution.getProcessInstanceId(), Stream.of(variables.communityGroup(), variables.gridGroup(),
                variables.areaGroup(), variables.streetGroup()).filter(Objects::nonNull).toList());
        log.record(filed.businessKey(), execution.getProcessInstanceId(), "FILED",
                where(p, filed.grid()) + "：" + variables.title());
        summary.update(execution);
    }

    /** The community, or its grid as the directory names it (a grid's name usually starts with its community's). */
    private static String where(Placement p, Grid grid) {
        String community = p.community().name();
        return grid == null ? community : grid.name().startsWith(community) ? grid.name() : community + grid.name();
    }
}
