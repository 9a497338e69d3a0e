/**
 * Monthly resource lists, claims (resource-claim.bpmn) and community orders (community-order.bpmn).
 */
@ApplicationModule(displayName = "资源清单", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue"
})
package cn.lianban.resource;

import org.springframework.modulith.ApplicationModule;
