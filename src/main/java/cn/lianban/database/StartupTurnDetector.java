package cn.lianban.database;

import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * Declares {@link StartupTurn} a database initializer, ahead of Flyway (whose detector has order 1): whatever
 * waits for the database to be initialized (Flyway itself, the process engine, JdbcTemplate) waits for the turn.
 */
class StartupTurnDetector implements DatabaseInitializerDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Set.of(beanFactory.getBeanNamesForType(StartupTurn.class, false, false));
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
