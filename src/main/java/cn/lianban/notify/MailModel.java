package cn.lianban.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.web.util.HtmlUtils;

import cn.lianban.common.CaseLabels;
import cn.lianban.common.EngineClock;

/**
 * Turns the caller's model (process variables, mostly) into template variables: values become
 * display text, and labels are added so the templates stay free of logic. Missing keys stay missing;
 * the templates hide the rows they would fill.
 */
final class MailModel {

    static final String TASKLIST_PATH = "/camunda/app/tasklist/";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MailModel() {
    }

    static Map<String, Object> prepare(Map<String, ?> source, String businessKey, String baseUrl) {
        Map<String, Object> vars = new LinkedHashMap<>();
        if (source != null) {
            source.forEach((key, value) -> vars.put(key, display(value)));
        }
        if (businessKey != null) {
            vars.put("businessKey", businessKey);
        }
        label(vars, "color", "colorLabel", colorLabel(vars.get("color")));
        label(vars, "level", "levelLabel", levelLabel(vars.get("level")));
        label(vars, "previousLevel", "previousLevelLabel", levelLabel(vars.get("previousLevel")));
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        vars.putIfAbsent("baseUrl", base);
        vars.putIfAbsent("tasklistUrl", base + TASKLIST_PATH);
        return vars;
    }

    private static void label(Map<String, Object> vars, String key, String labelKey, String label) {
        if (vars.get(key) != null) {
            vars.putIfAbsent(labelKey, label);
        }
    }

    /** GREEN/YELLOW/RED → 绿/黄/红; anything else is shown as it is. */
    static String colorLabel(Object color) {
        if (color == null) {
            return null;
        }
        String word = CaseLabels.colorWord(color.toString());
        return word == null ? color.toString() : word;
    }

    /** 3 → 第3级 片区. */
    static String levelLabel(Object level) {
        if (level == null) {
            return null;
        }
        try {
            return CaseLabels.levelName(Integer.parseInt(level.toString().trim()));
        } catch (NumberFormatException e) {
            return level.toString();
        }
    }

    /**
     * Dates as yyyy-MM-dd (with HH:mm unless it is midnight, which is how a due date
     * arrives as a java.util.Date), lists joined with 、, everything else unchanged.
     */
    static Object display(Object value) {
        if (value instanceof java.sql.Date d) {
            value = d.toLocalDate(); // java.sql.Date.toInstant() throws
        } else if (value instanceof Date d) {
            value = d.toInstant();
        }
        if (value instanceof Instant i) {
            value = i.atZone(EngineClock.ZONE); // people read Beijing time whatever the server's zone
        } else if (value instanceof OffsetDateTime o) {
            value = o.toZonedDateTime();
        }
        if (value instanceof ZonedDateTime z) {
            value = z.withZoneSameInstant(EngineClock.ZONE).toLocalDateTime();
        }
        if (value instanceof LocalDateTime t) {
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE.format(t) : DATE_TIME.format(t);
        }
        if (value instanceof LocalDate d) {
            return DATE.format(d);
        }
        if (value instanceof Collection<?> c) {
            return join(c.stream());
        }
        if (value instanceof Object[] a) {
            return join(Arrays.stream(a));
        }
        return value;
    }

    private static String join(Stream<?> items) {
        return items.map(MailModel::display).map(String::valueOf).collect(Collectors.joining("、"));
    }

    /** Plain listing of the model, used when a template cannot be rendered, so the mail still says something. */
    static String fallbackBody(String subject, Map<String, Object> vars) {
        StringBuilder sb = new StringBuilder("<html><body><h3>")
                .append(HtmlUtils.htmlEscape(subject)).append("</h3><ul>");
        vars.forEach((key, value) -> sb.append("<li>").append(HtmlUtils.htmlEscape(key)).append(": ")
                .append(HtmlUtils.htmlEscape(String.valueOf(value))).append("</li>"));
        return sb.append("</ul></body></html>").toString();
    }
}
