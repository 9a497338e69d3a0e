/**
 * Venues, their search and distance, bookings (venue-booking.bpmn) and usage.
 */
@ApplicationModule(displayName = "党群服务阵地", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web"
})
package cn.lianban.venue;

import org.springframework.modulith.ApplicationModule;
