/**
 * How modules contribute what runs at start and the demo data.
 */
@ApplicationModule(displayName = "启动", allowedDependencies = {})
package cn.lianban.startup;

import org.springframework.modulith.ApplicationModule;
