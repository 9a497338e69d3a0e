/**
 * Working days and holidays, and the page that edits them.
 */
@ApplicationModule(displayName = "工作日历", allowedDependencies = {})
package cn.lianban.calendar;

import org.springframework.modulith.ApplicationModule;
