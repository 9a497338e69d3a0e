package cn.lianban.common;

import java.util.Set;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway: if Camunda created its tables first,
 * Flyway would refuse the non-empty schema.
 */
class CamundaAfterFlywayDetector implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        Set<String> names = new java.util.HashSet<>();
        for (Class<?> type : new Class<?>[]{org.camunda.bpm.engine.spring.ProcessEngineFactoryBean.class,
                org.camunda.bpm.engine.ProcessEngine.class, org.camunda.bpm.engine.ProcessEngineConfiguration.class}) {
            for (String name : beanFactory.getBeanNamesForType(type, false, false)) {
                names.add(name.startsWith("&") ? name.substring(1) : name); // a factory bean's own name
            }
        }
        return names;
    }
}
