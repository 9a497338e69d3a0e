package cn.lianban.startup;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs every module's {@link StartupStep}, after the demo data (when on). */
@Component
@Order(20)
class StartupSteps implements ApplicationRunner {

    private final List<StartupStep> steps;

    StartupSteps(List<StartupStep> steps) {
        this.steps = steps;
    }

    @Override
    public void run(ApplicationArguments args) {
        steps.forEach(StartupStep::run);
    }
}
