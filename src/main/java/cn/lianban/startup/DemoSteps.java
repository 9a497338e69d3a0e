package cn.lianban.startup;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With {@code lianban.demo.enabled}, runs every module's {@link DemoStep} before the startup steps. */
@Component
@Order(10)
@ConditionalOnProperty(name = "lianban.demo.enabled", havingValue = "true")
class DemoSteps implements ApplicationRunner {

    private final List<DemoStep> steps;

    DemoSteps(List<DemoStep> steps) {
        this.steps = steps;
    }

    @Override
    public void run(ApplicationArguments args) {
        steps.forEach(DemoStep::seedIfEmpty);
    }
}
