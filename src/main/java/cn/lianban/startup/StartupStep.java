package cn.lianban.startup;

/**
 * One idempotent piece of setup that every start runs after the schema is migrated (identity, authorizations,
 * Tasklist filters, forms, backfills). Each module contributes its own steps as beans; {@link StartupSteps}
 * runs them in {@link org.springframework.core.annotation.Order} order, so this bottom module never needs to know
 * the features above it. Nodes take turns ({@code database/StartupTurn}), so a step never runs twice at once.
 */
public interface StartupStep {

    void run();
}
