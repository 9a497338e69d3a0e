/**
 * GeoReport v2 for outside apps.
 */
@ApplicationModule(displayName = "Open311", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue", "issue", "ticket", "resource", "activity"
})
package cn.lianban.open311;

import org.springframework.modulith.ApplicationModule;
