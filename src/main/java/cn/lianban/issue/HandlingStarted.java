package cn.lianban.issue;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import cn.lianban.directory.UnitType;
import cn.lianban.security.CaseAccess;

/** On (re)entering 办理: opens the case to the handling departments and tells the lead by mail. */
@Component("handlingStarted")
public class HandlingStarted implements ExecutionListener {

    private final CaseAccess access;
    private final IssueMails mails;

    public HandlingStarted(CaseAccess access, IssueMails mails) {
        this.access = access;
        this.mails = mails;
    }

    @Override
    public void notify(DelegateExecution execution) {
        List<String> groups = new ArrayList<>();
        groups.add(IssueVariables.text(execution, "handleGroup"));
        @SuppressWarnings("unchecked")
        List<String> coDepts = (List<String>) execution.getVariable("coDepts");
        coDepts.forEach(d -> groups.add(UnitType.DEPT.group(d)));
        access.open(execution.getProcessInstanceId(), groups);
        mails.assigned(execution);
    }
}
