/**
 * 手机上报: the phone page {@code /m} where grid workers and community secretaries raise a ticket or file a joint case
 * with photos and the phone's position, and see their own filings; its JSON endpoints {@code /api/field/…}.
 */
@ApplicationModule(displayName = "手机上报", allowedDependencies = {
        "directory", "common", "security", "web", "responsibility", "issue", "ticket"
})
package cn.lianban.field;

import org.springframework.modulith.ApplicationModule;
