/**
 * The joint-handling process (joint-handling.bpmn) and its projection issue_summary.
 */
@ApplicationModule(displayName = "五级三色联席汇办", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue", "resource"
})
package cn.lianban.issue;

import org.springframework.modulith.ApplicationModule;
