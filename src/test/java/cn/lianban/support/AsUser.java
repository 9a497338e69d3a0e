package cn.lianban.support;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Runs engine calls as a demo user with their groups, so Camunda's authorizations apply as in Tasklist. */
@Component
public class AsUser {

    private final IdentityService identity;

    public AsUser(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T as(String user, Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    public void run(String user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }
}
