/**
 * Shared engine pieces: the audit trail, the running clock and 时效灯, business keys, labels, API errors and Camunda REST refusals, Tasklist filters, run-as-system.
 */
@ApplicationModule(displayName = "公共", allowedDependencies = { "startup", "database", "calendar", "directory" })
package cn.lianban.common;

import org.springframework.modulith.ApplicationModule;
