package cn.lianban.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Takes the demo password away from logins that still have it, for a start without demo: such a login keeps its
 * groups and tasks, gets a random password nobody knows (an administrator gives it a new one in Camunda Admin) and
 * is marked, so a former demo administrator does not count as one.
 */
@Component
public class DemoPasswords {

    /** Camunda user info marking a login whose demo password was replaced. */
    static final String REMOVED = "lianban.demo-password-removed";

    private final IdentityService identity;

    DemoPasswords(IdentityService identity) {
        this.identity = identity;
    }

    /** @return the logins among {@code logins} that had the demo password and now have a random one */
    public List<String> replace(Collection<String> logins) {
        List<String> removed = new ArrayList<>();
        for (String login : logins) {
            User user = identity.createUserQuery().userId(login).singleResult();
            if (user == null) {
                continue;
            }
            if (identity.checkPassword(login, DemoDirectoryGenerator.DEMO_PASSWORD)) {
                user.setPassword(Passwords.random(32));
                identity.saveUser(user);
                identity.setUserInfo(login, REMOVED, "true");
                removed.add(login);
            } else {
                // a failed check marks the user locked until now (see DirectoryAndIdentityTest); undo that
                identity.unlockUser(login);
            }
        }
        return removed;
    }

    /** Whether this login's demo password was taken away. */
    boolean removed(String login) {
        return identity.getUserInfo(login, REMOVED) != null;
    }
}
