package cn.lianban.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import cn.lianban.security.login.LoginThrottle;
import cn.lianban.security.login.LoginThrottled;

/**
 * Checks the one login (/login, and HTTP Basic on the project's pages) against the Camunda identity; the user's
 * Camunda groups become authorities. Tasklist, Cockpit and Admin take the same login ({@link WebappLoginProvider}).
 * Failed logins are throttled per login name and client address ({@link LoginThrottle}).
 */
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object password = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        Optional<Duration> wait = throttle.waitFor(user, address);
        if (wait.isPresent()) {
            throw new LoginThrottled(wait.get());
        }
        if (user == null || password == null || !identity.checkPassword(user, password.toString())) {
            throttle.failed(user, address);
            throw new BadCredentialsException("用户名或密码错误");
        }
        throttle.succeeded(user);
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
