/**
 * The ticket process (ticket.bpmn): dispatch by the responsibility list, accept, resolve, confirm, visit.
 */
@ApplicationModule(displayName = "吹哨报到工单", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue"
})
package cn.lianban.ticket;

import org.springframework.modulith.ApplicationModule;
