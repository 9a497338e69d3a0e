/**
 * Nodes taking turns at startup, a database outage answered 503, H2 write-through.
 */
@ApplicationModule(displayName = "数据库", allowedDependencies = {})
package cn.lianban.database;

import org.springframework.modulith.ApplicationModule;
