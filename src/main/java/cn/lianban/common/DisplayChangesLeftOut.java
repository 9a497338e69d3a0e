package cn.lianban.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Registers the history level {@value #NAME} ({@code camunda.bpm.history-level} in application.yaml): Camunda's
 * {@code full}, except that a change of a display-only variable writes no row to {@code ACT_HI_DETAIL} (nor its
 * byte array). Display-only variables ({@code lianban.history.display-only-variables}) are labels and names the
 * processes derive from a code they also keep ({@code statusLabel} from {@code status}, {@code deptName} from
 * {@code deptCode}, the clock's texts): the code's own detail rows still tell when it changed, and the variable's
 * last value stays in {@code ACT_HI_VARINST}. They were more than a quarter of a ticket's detail rows, the largest
 * history table (bench/README.md, "History benchmark"). Camunda's documented way to choose which events are written
 * is a custom history level (user guide, History configuration; the {@code HistoryLevel} Javadoc).
 * <p>
 * The id is that of {@code full} (3), deliberately against the Javadoc's advice of a unique id: the engine stores the
 * id in {@code ACT_GE_PROPERTY} and refuses to start when the configured level's id differs, and every check the
 * engine and its webapps make on the level compares with {@code none} or reads the id. With the same id an existing
 * database needs no change, and nodes with {@code full} and with this level can share one database (a rolling
 * update, or going back to {@code full} by configuration alone).
 */
@Component
class DisplayChangesLeftOut extends AbstractProcessEnginePlugin {

    static final String NAME = "full-without-display-changes";

    private final Set<String> displayOnly;

    DisplayChangesLeftOut(Environment environment) {
        // a list under one prefix: Binder, since @Value cannot bind one
        this.displayOnly = Set.copyOf(Binder.get(environment).bind("lianban.history.display-only-variables",
                Bindable.setOf(String.class)).orElse(Set.of()));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new Level(displayOnly));
        configuration.setCustomHistoryLevels(levels);
    }

    record Level(Set<String> displayOnly) implements HistoryLevel {

        @Override
        public int getId() {
            return HISTORY_LEVEL_FULL.getId();
        }

        @Override
        public String getName() {
            return NAME;
        }

        /** As {@code full}, but no detail row for an update of a display-only variable. */
        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return !(eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                    && entity instanceof HistoricVariableUpdateEventEntity update
                    && displayOnly.contains(update.getVariableName()));
        }
    }
}
