package cn.lianban.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/** SQL {@code IN} lists with one placeholder per value. */
public final class SqlIn {

    /** Values per query: a page of 我的事项 or of Open311 requests stays far below what a database takes in IN (…). */
    private static final int CHUNK = 500;

    private SqlIn() {
    }

    /** What {@code query} finds for {@code values}, asked for at most {@value #CHUNK} values at a time. */
    public static <V, R> List<R> inChunks(Collection<V> values, Function<List<V>, List<R>> query) {
        List<V> all = new ArrayList<>(values);
        List<R> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return found;
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
