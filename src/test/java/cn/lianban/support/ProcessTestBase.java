package cn.lianban.support;

import java.time.LocalDateTime;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tests on the shared application: camunda-bpm-assert bound to its engine, and the engine
 * clock at Monday 2 March 2026, 10:00 Beijing time, put back after each test.
 */
@LianbanTest
public abstract class ProcessTestBase {

    protected static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 10, 0);

    @Autowired
    protected ProcessEngine engine;
    @Autowired
    protected IssueDriver driver;

    @BeforeEach
    void bindEngineAndClock() {
        BpmnAwareTests.init(engine);
        driver.clockAt(MONDAY);
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }
}
