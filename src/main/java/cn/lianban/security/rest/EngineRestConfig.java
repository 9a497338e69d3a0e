package cn.lianban.security.rest;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import cn.lianban.directory.Passwords;
import cn.lianban.security.login.LoginThrottle;

/**
 * The filters in front of Camunda's REST API: the HTTP Basic login of {@code /engine-rest}, then the project's
 * rules at both doors (after Spring Security, which logs in the webapps' callers).
 */
@Configuration
class EngineRestConfig {

    @Bean
    FilterRegistrationBean<EngineRestLogin> engineRestLogin(IdentityService identity, LoginThrottle throttle,
                                                            Passwords passwords) {
        FilterRegistrationBean<EngineRestLogin> bean = new FilterRegistrationBean<>(
                new EngineRestLogin(identity, throttle, passwords));
        bean.addUrlPatterns("/engine-rest/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(List<EngineRule> rules) {
        FilterRegistrationBean<EngineRestGuard> bean = new FilterRegistrationBean<>(new EngineRestGuard(rules));
        bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        return bean;
    }
}
