package cn.lianban.common;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.startup.StartupStep;

/**
 * Sets the history time-to-live of every version of every configured process and decision to the value of
 * {@link HistoryTimeToLive}, through Camunda's public API. When a version's value changes, the removal time of
 * its instances that already finished is computed again (a Camunda batch, run by the job executor), so a changed
 * setting applies to the history already kept, not only to instances that finish from now on. Idempotent: a
 * version that already has the value is left alone.
 */
@Component
@Order(90)
class ApplyHistoryTimeToLive implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(ApplyHistoryTimeToLive.class);

    private final RepositoryService repository;
    private final HistoryService history;
    private final HistoryTimeToLive ttl;

    ApplyHistoryTimeToLive(RepositoryService repository, HistoryService history, HistoryTimeToLive ttl) {
        this.repository = repository;
        this.history = history;
        this.ttl = ttl;
    }

    @Override
    public void run() {
        ttl.all().forEach(this::apply);
    }

    private void apply(String key, int days) {
        List<ProcessDefinition> processes = repository.createProcessDefinitionQuery().processDefinitionKey(key).list();
        List<DecisionDefinition> decisions = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .list();
        if (processes.isEmpty() && decisions.isEmpty()) {
            log.warn("lianban.history.ttl.{}: no process or decision has this key", key);
        }
        for (ProcessDefinition p : processes) {
            if (!Integer.valueOf(days).equals(p.getHistoryTimeToLive())) {
                repository.updateProcessDefinitionHistoryTimeToLive(p.getId(), days);
                recomputeRemovalTimes(history.createHistoricProcessInstanceQuery().processDefinitionId(p.getId())
                        .finished());
                log.info("History time-to-live of {} set to {} days (was {})", p.getId(), days,
                        p.getHistoryTimeToLive());
            }
        }
        for (DecisionDefinition d : decisions) {
            if (!Integer.valueOf(days).equals(d.getHistoryTimeToLive())) {
                repository.updateDecisionDefinitionHistoryTimeToLive(d.getId(), days);
                log.info("History time-to-live of {} set to {} days (was {})", d.getId(), days,
                        d.getHistoryTimeToLive());
            }
        }
    }

    /** The finished instances of a changed version get the removal time of the new value (end time + days). */
    private void recomputeRemovalTimes(HistoricProcessInstanceQuery finished) {
        if (finished.count() > 0) {
            history.setRemovalTimeToHistoricProcessInstances().calculatedRemovalTime().byQuery(finished)
                    .hierarchical().executeAsync();
        }
    }
}
