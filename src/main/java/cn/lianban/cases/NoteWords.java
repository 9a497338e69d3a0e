package cn.lianban.cases;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Audit notes as people read them. The trail keeps what the steps wrote, some of it with codes ("牵头 housing，
 * 协办 [urban]", "联席会议 2026-12-03T09:00"); the page shows department names, lists with 、 and times as
 * {@code 2026-12-03 09:00}. Translated when shown, so entries written before this page read the same.
 */
final class NoteWords {

    private static final Pattern ISO_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(?::\\d{2}(?:\\.\\d+)?)?");
    private static final Pattern LIST = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final Pattern CODE = Pattern.compile("(?<![A-Za-z0-9_-])[a-z][a-z0-9_-]*(?![A-Za-z0-9_-])");

    private final Map<String, String> departments;

    /** @param departments department code → Chinese name */
    NoteWords(Map<String, String> departments) {
        this.departments = departments;
    }

    String of(String note) {
        if (note == null || note.isBlank()) {
            return "";
        }
        String text = ISO_TIME.matcher(note).replaceAll("$1 $2");
        text = replace(LIST, text, m -> m.group(1).isBlank() ? "无" : Arrays.stream(m.group(1).split(","))
                .map(String::strip).map(this::name).collect(Collectors.joining("、")));
        return replace(CODE, text, m -> name(m.group()));
    }

    /** A department's name; anything else as it is. */
    String name(String code) {
        return departments.getOrDefault(code, code);
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> by) {
        return pattern.matcher(text).replaceAll(m -> Matcher.quoteReplacement(by.apply(m)));
    }
}
