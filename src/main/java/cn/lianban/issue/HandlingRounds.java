package cn.lianban.issue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.lianban.common.CaseLog;
import cn.lianban.common.CaseLog.CaseEvent;
import cn.lianban.common.LocalTimes;

/**
 * 办理经过: what earlier rounds of a case brought (meeting decisions, results of the lead and co-departments,
 * residents' verdicts and reasons for reopening, time-outs, escalations), as the handling, approval and evaluation
 * forms show it in the text variable {@code handlingRounds}. Read from the audit trail, so the forms and the case
 * page tell the same story from one record. Public only because BPMN expressions can call methods of public classes
 * alone.
 */
// named apart from the process variable handlingRounds, which would hide the bean in BPMN expressions
@Component("issueRounds")
public class HandlingRounds {

    static final String NONE = "尚无往轮办理记录。";

    /** The audit actions that belong to the story of the handling, with the word each line starts with. */
    private static final Map<String, String> SHOWN = Map.ofEntries(
            Map.entry("MEETING", "会商决定"), Map.entry("HANDLED", "牵头办理"), Map.entry("ASSISTED", "协办"),
            Map.entry(AssistLeftOpen.ACTION, "协办未完成"), Map.entry("OVERDUE", "逾期"),
            Map.entry("EVALUATED", "群众评价"), Map.entry("REOPENED", "退回重办"),
            Map.entry("ESCALATION_APPROVED", "同意升级"), Map.entry("ESCALATION_DENIED", "不同意升级"),
            Map.entry("ESCALATED", "升级"), Map.entry("CENTER_REMINDED", "市级督办"),
            Map.entry(IssueMerges.MERGED, "并案"));

    private final CaseLog log;

    HandlingRounds(CaseLog log) {
        this.log = log;
    }

    /** Writes the story so far into the case (BPMN start listeners of handling, approval and evaluation). */
    public void refresh(DelegateExecution execution) {
        new IssueVariables(execution).setHandlingRounds(render(log.events(execution.getProcessBusinessKey())));
    }

    /** One markdown list item per event, oldest first. */
    static String render(List<CaseEvent> events) {
        String lines = events.stream().filter(e -> SHOWN.containsKey(e.action()))
                .map(e -> "- " + LocalTimes.minutes(e.at()) + " **" + SHOWN.get(e.action()) + "** "
                        + plain(e.detail()))
                .collect(Collectors.joining("\n"));
        return lines.isEmpty() ? NONE : lines;
    }

    /** What people typed, on one line and without markdown of its own, so each event stays one list item. */
    static String plain(String detail) {
        return detail == null ? "" : detail.replaceAll("\\s+", " ").replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }
}
