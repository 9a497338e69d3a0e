package cn.lianban.common;

import java.security.SecureRandom;

/**
 * Codes residents keep and type back (预约号, 报名号): random, from letters and digits that cannot be mistaken for one
 * another, so that a code cannot be guessed from another one.
 */
public final class RandomCode {

    private static final String CHARS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // no 0/O, 1/I/L
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCode() {
    }

    /** {@code prefix} followed by {@code length} random characters. */
    public static String of(String prefix, int length) {
        StringBuilder code = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            code.append(CHARS.charAt(RANDOM.nextInt(CHARS.length())));
        }
        return code.toString();
    }
}
