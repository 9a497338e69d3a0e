/**
 * The city center's figures, tables, monthly report and exports.
 */
@ApplicationModule(displayName = "数据看板", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue", "issue", "ticket", "resource", "activity", "rates"
})
package cn.lianban.dashboard;

import org.springframework.modulith.ApplicationModule;
