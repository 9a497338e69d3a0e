package cn.lianban.open311;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With demo data on, outside apps can try the Open311 interface with api_key {@code demo-key}. */
@Component
@Order(20)
@ConditionalOnProperty(name = "lianban.demo.enabled", havingValue = "true")
class Open311DemoKey implements ApplicationRunner {

    private final Open311Keys keys;

    Open311DemoKey(Open311Keys keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.addIfMissing(Open311Keys.DEMO_KEY, "演示用（demo data）");
    }
}
