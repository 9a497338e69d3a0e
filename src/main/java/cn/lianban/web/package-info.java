/**
 * The pages' shared header, error pages, the request size limit.
 */
@ApplicationModule(displayName = "页面框架", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security"
})
package cn.lianban.web;

import org.springframework.modulith.ApplicationModule;
