/**
 * The organisation: streets, areas, communities, grids, departments, people and roles, mirrored into Camunda's identity.
 */
@ApplicationModule(displayName = "组织目录", allowedDependencies = { "startup", "database", "calendar", "workbook" })
package cn.lianban.directory;

import org.springframework.modulith.ApplicationModule;
