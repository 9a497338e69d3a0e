package cn.lianban.dashboard;

/**
 * Keeps a text cell of a CSV export from being run as a formula when the file is opened in a spreadsheet
 * (CSV injection): a text starting with {@code = + - @}, a tab or a carriage return gets a leading single quote,
 * as OWASP recommends. Only text is guarded; numbers are written as numbers, so a negative count stays a number.
 */
final class CellGuard {

    private CellGuard() {
    }

    static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
