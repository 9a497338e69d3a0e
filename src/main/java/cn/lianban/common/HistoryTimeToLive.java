package cn.lianban.common;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How many days Camunda keeps the history of a finished instance, per process or decision key, as configured
 * under {@code lianban.history.ttl.<key>} (application.yaml gives the values and their reasons). The BPMN's own
 * {@code camunda:historyTimeToLive} is only what a new version is deployed with; {@link ApplyHistoryTimeToLive}
 * sets every version to the configured value at each start. Modules whose rows live as long as a process's
 * history (e.g. {@code ticket_case}) read the days here.
 */
@Component
public class HistoryTimeToLive {

    private final Map<String, Integer> days;

    @Autowired
    HistoryTimeToLive(Environment environment) {
        // a map under one prefix: Binder, since @Value cannot bind one
        this(Binder.get(environment).bind("lianban.history.ttl", Bindable.mapOf(String.class, Integer.class))
                .orElse(Map.of()));
    }

    HistoryTimeToLive(Map<String, Integer> days) {
        this.days = new TreeMap<>(days);
        days.forEach((key, value) -> {
            if (value == null || value < 0) {
                throw new IllegalStateException("lianban.history.ttl." + key + " must be a number of days ≥ 0");
            }
        });
    }

    /** The configured days for a process or decision key, if any. */
    public Optional<Integer> days(String definitionKey) {
        return Optional.ofNullable(days.get(definitionKey));
    }

    Map<String, Integer> all() {
        return days;
    }
}
