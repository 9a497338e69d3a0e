/**
 * Activities in venues and sign-ups with a waiting list.
 */
@ApplicationModule(displayName = "活动报名", allowedDependencies = {
        "startup", "database", "calendar", "directory", "common", "security", "notify", "web", "responsibility",
        "pairing", "venue"
})
package cn.lianban.activity;

import org.springframework.modulith.ApplicationModule;
