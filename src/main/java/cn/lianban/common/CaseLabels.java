package cn.lianban.common;

import java.util.Locale;

/**
 * The Chinese words for a case's colour rating (绿/黄/红) and its level (五级). Cards, the case page, the
 * dashboard and mails all take them from here; mails sit below the joint-handling feature, so the words live
 * in {@code common}.
 */
public final class CaseLabels {

    private static final String[] LEVEL_NUMERALS = {"一", "二", "三", "四", "五"};
    private static final String[] LEVEL_UNITS = {"网格", "社区", "片区", "街道", "市级"};

    private CaseLabels() {
    }

    /** GREEN/YELLOW/RED (any case, spaces ignored) → 绿/黄/红; null for anything else. */
    public static String colorWord(String color) {
        if (color == null) {
            return null;
        }
        return switch (color.trim().toUpperCase(Locale.ROOT)) {
            case "GREEN" -> "绿";
            case "YELLOW" -> "黄";
            case "RED" -> "红";
            default -> null;
        };
    }

    /** GREEN → 绿色; null → empty; an unknown code is shown as it is. */
    public static String colorName(String color) {
        if (color == null) {
            return "";
        }
        String word = colorWord(color);
        return word == null ? color : word + "色";
    }

    /** The level as cards and forms show it: 第三级（片区）. */
    public static String levelLabel(int level) {
        return known(level) ? "第" + LEVEL_NUMERALS[level - 1] + "级（" + LEVEL_UNITS[level - 1] + "）" : "第" + level + "级";
    }

    /** The level in digits, as tables, messages and mails show it: 第3级 片区. */
    public static String levelName(int level) {
        return known(level) ? "第" + level + "级 " + LEVEL_UNITS[level - 1] : "第" + level + "级";
    }

    private static boolean known(int level) {
        return level >= 1 && level <= LEVEL_UNITS.length;
    }
}
