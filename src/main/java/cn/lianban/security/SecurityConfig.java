package cn.lianban.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import cn.lianban.directory.Roles;

/**
 * Two doors. Camunda's webapps keep their own login and /engine-rest uses Camunda's HTTP Basic filter
 * (its REST is anonymous by default, which we close). The project's own pages use Spring Security
 * with a form login checked against the same Camunda identity.
 */
@Configuration
public class SecurityConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestBasicAuth() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        bean.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        bean.addUrlPatterns("/engine-rest/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return bean;
    }

    /** Camunda's own paths are secured by Camunda; Spring Security stays out of them. */
    @Bean
    WebSecurityCustomizer camundaPaths() {
        return web -> web.ignoring().requestMatchers("/camunda/**", "/engine-rest/**", "/actuator/health",
                "/actuator/health/**", "/", "/favicon.ico");
    }

    @Bean
    SecurityFilterChain appSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/error").permitAll()
                        // residents' venue search and bookings (public pages and API)
                        .requestMatchers("/api/venues/**", "/api/bookings/**", "/venues", "/venues/**", "/bookings/**")
                        .permitAll()
                        // 活动: residents list, sign up and cancel without an account (CONTRACT "Resident API")
                        .requestMatchers(HttpMethod.GET, "/api/activities", "/api/activities/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/activities/*/signups").permitAll()
                        .requestMatchers(HttpMethod.DELETE, "/api/activities/*/signups").permitAll()
                        // …but units publish them with a login
                        .requestMatchers("/activities/new").authenticated()
                        .requestMatchers("/activities", "/activities/**").permitAll()
                        // Open311 is for outside apps without a login; posting checks its api_key
                        .requestMatchers("/open311/**").permitAll()
                        .requestMatchers("/admin/**").hasAuthority(Roles.ADMIN)
                        .requestMatchers("/tickets/rates", "/api/tickets/rates")
                        .hasAnyAuthority(Roles.STREET_OFFICE, Roles.CITY_CENTER, Roles.ADMIN)
                        // the city center publishes the monthly resource lists; everyone logged in reads them
                        .requestMatchers(HttpMethod.POST, "/resources", "/resources/**")
                        .hasAnyAuthority(Roles.CITY_CENTER, Roles.ADMIN)
                        .anyRequest().authenticated())
                // the JSON API and Open311 are called by apps, not by browser forms, so no CSRF token there
                .csrf(c -> c.ignoringRequestMatchers("/api/**", "/open311/**"))
                .authenticationProvider(new CamundaIdentityAuthenticationProvider(identity))
                .formLogin(f -> f.loginPage("/login").permitAll())
                .httpBasic(b -> { })
                // a JSON call without a login is told so (401), not sent to the login page
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
        return http.build();
    }
}
