/**
 * The one login, authorizations, the units a user answers for, the rules in front of Camunda REST.
 */
@ApplicationModule(displayName = "安全", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common"
})
package cn.lianban.security;

import org.springframework.modulith.ApplicationModule;
