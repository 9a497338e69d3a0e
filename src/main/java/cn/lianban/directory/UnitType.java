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
}
