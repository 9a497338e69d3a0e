/**
 * Pages for residents without an account: the status page of a ticket they reported and the page where they rate
 * it (回访 by the resident).
 */
@ApplicationModule(displayName = "居民查询与评价", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue", "issue", "ticket", "resource", "activity"
})
package cn.lianban.resident;

import org.springframework.modulith.ApplicationModule;
