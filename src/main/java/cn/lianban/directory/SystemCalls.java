package cn.lianban.directory;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

/**
 * Engine calls made as the system: the caller's authentication is lifted for the work and put back afterwards, so
 * Camunda's authorizations do not apply. For work whose permission the project decides itself (a street office
 * moving a person of its street: {@link AdminScope}; a person changing their own password; grants written by the
 * system). Lives in the lowest module that needs it; {@code common.Grants} offers the same to the others.
 */
public final class SystemCalls {

    private static final ThreadLocal<String> LIFTED = new ThreadLocal<>();

    private SystemCalls() {
    }

    public static <T> T run(IdentityService identity, Supplier<T> work) {
        var current = identity.getCurrentAuthentication();
        String outer = LIFTED.get();
        identity.clearAuthentication();
        if (current != null && current.getUserId() != null) {
            LIFTED.set(current.getUserId());
        }
        try {
            return work.get();
        } finally {
            if (outer == null) {
                LIFTED.remove();
            } else {
                LIFTED.set(outer);
            }
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    /**
     * The person whose authentication {@link #run} lifted for the work running now (e.g. a committee member's 挂账
     * from the case page, which the engine carries out as the system); null outside such work. The audit trail
     * names them, not the system.
     */
    public static String liftedUser() {
        return LIFTED.get();
    }
}
