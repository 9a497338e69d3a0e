package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.CallerRunsRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.lianban.support.LianbanTest;

/**
 * Jobs a full queue refuses are run by the acquisition thread (application.yaml's {@code caller-runs}), so the next
 * acquisition locks a full batch again; {@code retry} keeps Camunda's own handling, and a mistyped value stops the
 * start instead of silently falling back.
 */
@LianbanTest
class FullQueueRunsJobsTest {

    @Autowired
    ProcessEngine engine;

    @Test
    void theApplicationsJobExecutorRunsRefusedJobsOnTheAcquisitionThread() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getJobExecutor().getRejectedJobsHandler())
                .isInstanceOf(CallerRunsRejectedJobsHandler.class);
    }

    @Test
    void retryLeavesCamundasHandlingAndAnUnknownValueIsRefused() {
        // as Spring Boot's starter builds it when job execution is on: with Camunda's handler already set
        SpringJobExecutor executor = new SpringJobExecutor();
        executor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJobExecutor(executor);

        new FullQueueRunsJobs("retry").postInit(configuration);
        assertThat(executor.getRejectedJobsHandler()).isInstanceOf(NotifyAcquisitionRejectedJobsHandler.class);
        new FullQueueRunsJobs("caller-runs").postInit(configuration);
        assertThat(executor.getRejectedJobsHandler()).isInstanceOf(CallerRunsRejectedJobsHandler.class);

        assertThatThrownBy(() -> new FullQueueRunsJobs("callerruns"))
                .hasMessageContaining("lianban.jobs.full-queue must be caller-runs or retry");
    }
}
