package cn.lianban.pairing;

/** The Camunda group of an agency's members who log in: {@code agency:AG-07} (issue 15). */
final class Agencies {

    static final String GROUP_PREFIX = "agency:";

    static String group(String agencyCode) {
        return GROUP_PREFIX + agencyCode;
    }

    private Agencies() {
    }
}
