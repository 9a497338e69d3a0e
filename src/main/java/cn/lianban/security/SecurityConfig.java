package cn.lianban.security;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import cn.lianban.directory.Passwords;
import cn.lianban.directory.Roles;
import cn.lianban.security.login.LoginThrottle;
import cn.lianban.security.login.ThrottledBasicEntryPoint;

/**
 * One login for people, at {@code /login} (Spring Security's form, checked against the Camunda identity): the
 * project's pages and Camunda's webapps (Tasklist, Cockpit, Admin) share it and its session, so one logout ends
 * both. Camunda's own sign-in is closed. Apps calling {@code /engine-rest} log in with HTTP Basic on each request
 * ({@code security.rest.EngineRestLogin}; Camunda's REST is anonymous by default, which we close).
 */
@Configuration
class SecurityConfig {

    static final String WEBAPPS = "/camunda";

    /**
     * The project's pages load scripts, styles and the ECharts webjar from this server only, are never framed, and
     * post forms only here. Inline scripts and styles stay allowed: the pages have small inline scripts, event
     * handler attributes and style blocks (moving them to files would allow dropping {@code 'unsafe-inline'}).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Camunda's webapp single sign-on: puts the user Spring Security logged in into the webapps' part of the
     * session. It runs after Spring Security's filters (which set the user) and before the webapps' own
     * filters, which Camunda's starter registers after every Spring filter.
     */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> bean =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        bean.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                WebappLoginProvider.class.getName()));
        bean.addUrlPatterns(WEBAPPS + "/app/*", WEBAPPS + "/api/*");
        bean.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return bean;
    }

    /** nosniff on every answer, before any other filter (see {@link SecurityHeaders}). */
    @Bean
    FilterRegistrationBean<SecurityHeaders> noSniff() {
        FilterRegistrationBean<SecurityHeaders> bean = new FilterRegistrationBean<>(new SecurityHeaders());
        bean.addUrlPatterns("/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /**
     * Path patterns as Spring MVC reads them for every string matcher below. Without this, Spring Security cannot
     * tell them apart from the webapps' Jersey servlets when it checks a path that is not a request (the page
     * header asks which pages a login may open).
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** /engine-rest has its own Basic filter ({@code security.rest.EngineRestConfig}). */
    @Bean
    WebSecurityCustomizer unguardedPaths() {
        return web -> web.ignoring().requestMatchers("/engine-rest/**", "/", "/favicon.ico");
    }

    /**
     * Tasklist, Cockpit and Admin: logged in at /login, or sent there (their API calls get 401, which the
     * webapps' script {@code app/lianban/login.js} turns into the same). The webapps carry their own CSRF
     * check and security headers, so Spring adds neither.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webappsSecurity(HttpSecurity http, Passwords passwords) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher(WEBAPPS + "/api/**");
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(WEBAPPS + "/**"))
                .authorizeHttpRequests(a -> a
                        // Camunda's own sign-in form: closed, there is one login
                        .requestMatchers(WEBAPPS + "/api/admin/auth/user/*/login/**").denyAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .headers(h -> h.disable())
                .logout(l -> l.disable())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(unauthorized(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(new RefusalHandler()))
                .addFilterBefore(new ForcedPasswordChange(passwords), AuthorizationFilter.class)
                .addFilterAfter(new WebappLogoutFilter(), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain appSecurity(HttpSecurity http, IdentityService identity, LoginThrottle throttle,
                                    LoginLanding landing, Passwords passwords) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/error").permitAll()
                        // health is for load balancers (the status alone); admin's login also shows the components
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Roles.ADMIN)
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
                        // residents who reported a ticket: its status page (last four digits of their phone) and
                        // the rating link sent by SMS (cn.lianban.resident)
                        .requestMatchers("/status", "/status/*", "/rate/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/status/*").permitAll()
                        // Open311 is for outside apps without a login; posting checks its api_key
                        .requestMatchers("/open311/**").permitAll()
                        // 单位管理, 人员管理 and 重置密码: a street office manages its own street there (directory's AdminScope)
                        .requestMatchers("/admin/units", "/admin/units/**", "/admin/people", "/admin/people/**")
                        .hasAnyAuthority(Roles.ADMIN, Roles.STREET_OFFICE)
                        .requestMatchers("/admin/**").hasAuthority(Roles.ADMIN)
                        // case pages: every login; which cases it may see is decided per case (cn.lianban.cases)
                        .requestMatchers("/cases", "/cases/**", "/api/cases", "/api/cases/**", "/api/attachments/**").authenticated()
                        .requestMatchers("/tickets/rates", "/api/tickets/rates")
                        .hasAnyAuthority(Roles.STREET_OFFICE, Roles.CITY_CENTER, Roles.ADMIN)
                        // departments submit next month's resource items (issue 15): their own, checked per item
                        .requestMatchers(HttpMethod.POST, "/resources/submissions", "/resources/submissions/**")
                        .hasAuthority(Roles.DEPARTMENT)
                        // the city center publishes the monthly resource lists; everyone logged in reads them
                        .requestMatchers(HttpMethod.POST, "/resources", "/resources/**")
                        .hasAnyAuthority(Roles.CITY_CENTER, Roles.ADMIN)
                        .anyRequest().authenticated())
                // the JSON API and Open311 are called by apps, not by browser forms, so no CSRF token there
                .csrf(c -> c.ignoringRequestMatchers("/api/**", "/open311/**"))
                // the Camunda identity is the only check: without a manager of its own, a refusal (a throttled login
                // among them) would be tried again on Spring Boot's generated in-memory user
                .authenticationManager(new ProviderManager(new CamundaIdentityAuthenticationProvider(identity, throttle)))
                // a given password is changed first; then the page that sent the login here, else the workplace
                .formLogin(f -> f.loginPage("/login").successHandler(landing).permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(new ThrottledBasicEntryPoint()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                // a login starts a fresh session: nothing of an earlier user's webapp login carries over
                .sessionManagement(m -> m.sessionFixation(f -> f.newSession()))
                // a JSON call without a login is told so (401 with the contract's body), not sent to the login page
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(unauthorized(),
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        // Prometheus logs in with HTTP Basic: challenge it rather than send it to the login page
                        .defaultAuthenticationEntryPointFor(new ThrottledBasicEntryPoint(),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                        .accessDeniedHandler(new RefusalHandler()))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new ForcedPasswordChange(passwords), AuthorizationFilter.class)
                .addFilterBefore(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
        return http.build();
    }

    /** 401 through the error page, which answers JSON callers with the contract's error body. */
    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> response.sendError(401);
    }
}
