package cn.lianban.common;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** SQL {@code IN} lists with one placeholder per value. */
public final class SqlIn {

    private SqlIn() {
    }

    /** {@code ?,?,?}: one placeholder per value. */
    public static String marks(Collection<?> values) {
        return String.join(",", Collections.nCopies(values.size(), "?"));
    }

    /**
     * A filter to append to a WHERE clause: {@code " AND column IN (?,…)"} with the values added to {@code args},
     * {@code " AND 1 = 0"} for no values, and nothing for null (no filter).
     */
    public static String and(String column, Collection<?> values, List<Object> args) {
        if (values == null) {
            return "";
        }
        if (values.isEmpty()) {
            return " AND 1 = 0";
        }
        args.addAll(values);
        return " AND " + column + " IN (" + marks(values) + ")";
    }
}
