package cn.lianban.directory;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Communities as people pick one from a list: under their street, streets and communities each in the order
 * of their Chinese names (pinyin), as a {@code <select>} with one {@code <optgroup>} per street shows them.
 */
public final class CommunityChoice {

    /** Street name → its communities. */
    public static Map<String, List<Community>> byStreet(Directory directory) {
        Collator chinese = Collator.getInstance(Locale.CHINA);
        Map<String, Street> streetOfArea = new LinkedHashMap<>();
        Map<String, Street> streets = directory.streets().stream()
                .collect(Collectors.toMap(Street::code, Function.identity()));
        directory.areas().forEach(a -> streetOfArea.put(a.code(), streets.get(a.streetCode())));
        Map<String, List<Community>> byStreet = new LinkedHashMap<>();
        directory.communities().stream()
                .sorted(Comparator.comparing((Community c) -> streetOfArea.get(c.areaCode()).name(), chinese)
                        .thenComparing(Community::name, chinese))
                .forEach(c -> byStreet.computeIfAbsent(streetOfArea.get(c.areaCode()).name(), s -> new ArrayList<>())
                        .add(c));
        return byStreet;
    }

    private CommunityChoice() {
    }
}
