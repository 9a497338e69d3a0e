package cn.lianban.open311;

import java.util.Map;
import java.util.Set;

/**
 * The fields of a posted request (application/x-www-form-urlencoded). A field sent empty counts as not sent,
 * as GeoReport's optional arguments have it; values are trimmed.
 */
final class Open311Form {

    private final Map<String, String[]> fields;

    Open311Form(Map<String, String[]> fields) {
        this.fields = Map.copyOf(fields);
    }

    /** The first value of a field, trimmed; null when missing or blank. */
    String get(String name) {
        String[] values = fields.get(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isBlank()) {
            return null;
        }
        return values[0].strip();
    }

    Set<String> names() {
        return fields.keySet();
    }
}
