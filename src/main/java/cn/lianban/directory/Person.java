package cn.lianban.directory;

/**
 * Someone with a login. {@code role} is one of the contract's role groups; {@code unitType}
 * ({@link UnitType}) and {@code unitCode} name the unit they act for (null for the city center); {@code lead}
 * marks the unit's lead (分管负责人), who receives its 督办 notices; {@code areaCode} is the area (片区) a deputy
 * (两代表一委员) belongs to, null for everyone else.
 */
record Person(String login, String name, String email, String role, UnitType unitType, String unitCode,
                     String password, boolean lead, String areaCode) {

    /** Someone who does not lead their unit and is no deputy of an area. */
    Person(String login, String name, String email, String role, UnitType unitType, String unitCode,
           String password) {
        this(login, name, email, role, unitType, unitCode, password, false, null);
    }

    /** The same person as their unit's lead. */
    Person asLead() {
        return new Person(login, name, email, role, unitType, unitCode, password, true, areaCode);
    }

    /** The same person as a deputy of an area. */
    Person inArea(String area) {
        return new Person(login, name, email, role, unitType, unitCode, password, lead, area);
    }
}
