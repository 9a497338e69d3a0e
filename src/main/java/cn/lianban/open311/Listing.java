package cn.lianban.open311;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A repeated element: in XML each item is wrapped in {@code element} (inside its parent, e.g.
 * {@code <formats><format>…</format></formats>}); in JSON it is just an array, as GeoReport's XML-to-JSON
 * mapping has it.
 */
record Listing(String element, List<?> items) {

    Listing {
        items = List.copyOf(items);
    }

    @JsonValue
    List<?> json() {
        return items;
    }
}
