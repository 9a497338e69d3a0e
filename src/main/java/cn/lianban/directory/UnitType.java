package cn.lianban.directory;

/** The kinds of unit a Camunda unit group stands for: {@code community:C-DL-01}, {@code dept:housing}, … */
public enum UnitType {
    COMMUNITY("community"), GRID("grid"), AREA("area"), STREET("street"), DEPT("dept");

    private final String prefix;

    UnitType(String prefix) {
        this.prefix = prefix;
    }

    public String group(String code) {
        return prefix + ":" + code;
    }

    /** The kind of unit right above this one (a grid's community, a community's area, an area's street); null for
     * streets and departments. */
    public UnitType parent() {
        return switch (this) {
            case AREA -> STREET;
            case COMMUNITY -> AREA;
            case GRID -> COMMUNITY;
            case STREET, DEPT -> null;
        };
    }

    /** The unit code in a group id of this type ({@code C-DL-01} in {@code community:C-DL-01}); null for other groups. */
    public String codeIn(String group) {
        return group.startsWith(prefix + ":") ? group.substring(prefix.length() + 1) : null;
    }
}
