/**
 * Response, resolution and satisfaction rates of departments.
 */
@ApplicationModule(displayName = "三率", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue", "issue", "ticket", "resource", "activity"
})
package cn.lianban.rates;

import org.springframework.modulith.ApplicationModule;
