package cn.lianban.common;

import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway: if Camunda created its tables first,
 * Flyway would refuse the non-empty schema.
 */
public class CamundaAfterFlywayDetector implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Set.of(beanFactory.getBeanNamesForType(org.camunda.bpm.engine.ProcessEngine.class, false, false));
    }
}
