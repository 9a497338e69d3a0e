/**
 * The responsibility list: which department handles which kind of small problem, in how many working days.
 */
@ApplicationModule(displayName = "权责清单", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web"
})
package cn.lianban.responsibility;

import org.springframework.modulith.ApplicationModule;
