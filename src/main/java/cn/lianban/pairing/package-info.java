/**
 * Agencies paired with communities, agency members in grids, vanguard stations and 双报到 check-ins.
 */
@ApplicationModule(displayName = "双联双促", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "workbook"
})
package cn.lianban.pairing;

import org.springframework.modulith.ApplicationModule;
