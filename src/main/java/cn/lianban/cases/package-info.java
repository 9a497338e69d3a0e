/**
 * The case page, 我的事项 and attachments.
 */
@ApplicationModule(displayName = "案件全貌", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue", "issue", "ticket", "resource", "activity"
})
package cn.lianban.cases;

import org.springframework.modulith.ApplicationModule;
