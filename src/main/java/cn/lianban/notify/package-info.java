/**
 * The mail outbox and meeting invitations.
 */
@ApplicationModule(displayName = "通知", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common"
})
package cn.lianban.notify;

import org.springframework.modulith.ApplicationModule;
