package cn.lianban.security;

import java.io.IOException;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import cn.lianban.directory.Passwords;
import cn.lianban.directory.Roles;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Where a login at /login lands: a login whose password was given by someone else on {@code /password} first (the
 * page it wanted stays saved for after the change); else the page that sent it to the login; else its workplace —
 * an agency member (下沉党员) their phone page {@code /members/me}, everyone else Tasklist.
 */
@Component
class LoginLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    static final String TASKLIST = SecurityConfig.WEBAPPS + "/app/tasklist/";
    static final String MEMBER = "/members/me";

    private final Passwords passwords;

    LoginLanding(Passwords passwords) {
        this.passwords = passwords;
        setDefaultTargetUrl(TASKLIST);
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        boolean mustChange = passwords.mustChange(authentication.getName());
        ForcedPasswordChange.remember(request, authentication.getName(), mustChange);
        if (mustChange) {
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, PasswordController.PAGE);
            return;
        }
        land(request, response, authentication);
    }

    /** The page a login goes on to once its password is its own: the saved one, else its workplace. */
    void land(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        return UserUnits.groups(authentication).contains(Roles.AGENCY_MEMBER) ? MEMBER : TASKLIST;
    }
}
