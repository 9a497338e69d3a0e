package cn.lianban.issue;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Filing a joint-handling case (联席汇办提报) from the project's own pages (the phone page {@code /m}): the start
 * form's variables, started under the engine identity of the request's login, so the login is the filer and
 * {@link RegisterIssue} checks it exactly as a start from Tasklist (community from the login when left empty, the
 * category, the counts). A refused filing throws the check's {@code UserInputException} and leaves nothing behind.
 */
@Service
public class IssueStarts {

    /**
     * What the page sends; null where not given. The community is the login's, as for a start form whose community
     * is left empty.
     *
     * @param gridCode the grid it was found in, when the filer works for one
     * @param lat      WGS-84 latitude of the phone, with {@code lon}
     */
    public record Start(String title, String description, String category, String location,
                        Long households, Long estimatedCost, Boolean multiCommunity, Boolean multiDepartment,
                        Boolean safetyRisk, String gridCode, Double lat, Double lon, String reporterPhone) {
    }

    private final RuntimeService runtime;
    private final AuthorizationService authorizations;

    IssueStarts(RuntimeService runtime, AuthorizationService authorizations) {
        this.runtime = runtime;
        this.authorizations = authorizations;
    }

    /** Whether the engine lets this login start a case (its grant to create instances of the process). */
    public boolean mayFile(String userId, List<String> groups) {
        return authorizations.isUserAuthorized(userId, groups, ProcessDefinitionPermissions.CREATE_INSTANCE,
                Resources.PROCESS_DEFINITION, IssueFilters.PROCESS);
    }

    /** @return the case's business key ({@code JH-…}) */
    public String file(Start start) {
        return runtime.startProcessInstanceByKey(IssueFilters.PROCESS, IssueVariables.startVariables(start))
                .getBusinessKey();
    }
}
