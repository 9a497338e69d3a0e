package cn.lianban.open311;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.lianban.startup.DemoStep;

/** With demo data on, outside apps can try the Open311 interface with api_key {@code demo-key}. */
@Component
@Order(60)
class Open311DemoKey implements DemoStep {

    private final Open311Keys keys;

    Open311DemoKey(Open311Keys keys) {
        this.keys = keys;
    }

    @Override
    public void seedIfEmpty() {
        keys.addIfMissing(Open311Keys.DEMO_KEY, "演示用（demo data）");
    }
}
