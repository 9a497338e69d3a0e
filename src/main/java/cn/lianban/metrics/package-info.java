/**
 * The engine's figures for Prometheus (open tasks per unit type, overdue cases, jobs, incidents, the job
 * executor's counts) and the health of the jobs; the outbox figures are notify's own.
 */
@ApplicationModule(displayName = "运行指标", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common"
})
package cn.lianban.metrics;

import org.springframework.modulith.ApplicationModule;
