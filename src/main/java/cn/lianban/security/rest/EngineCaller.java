package cn.lianban.security.rest;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.lianban.directory.Roles;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who calls Camunda's REST API: the HTTP Basic login of {@code /engine-rest} ({@link EngineRestLogin} puts it on
 * the request), or the session login of the webapps' own copy of the API under {@code /camunda/api/engine}.
 */
record EngineCaller(String userId, List<String> groups) {

    static final String ATTRIBUTE = EngineCaller.class.getName();

    /** The caller of the request; null when nobody is logged in. */
    static EngineCaller of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof EngineCaller caller) {
            return caller;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return new EngineCaller(user.getName(), user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
    }

    boolean isAdmin() {
        return groups.contains(Roles.ADMIN);
    }

    /** Administrators and the city center oversee the whole engine. */
    boolean overseesEngine() {
        return isAdmin() || groups.contains(Roles.CITY_CENTER);
    }
}
