package cn.lianban.directory;

/**
 * Someone with a login. {@code role} is one of the contract's role groups; {@code unitType}
 * ({@link UnitType}) and {@code unitCode} name the unit they act for (null for the city center); {@code lead}
 * marks the unit's lead (分管负责人), who receives its 督办 notices.
 */
record Person(String login, String name, String email, String role, UnitType unitType, String unitCode,
                     String password, boolean lead) {

    /** Someone who does not lead their unit. */
    Person(String login, String name, String email, String role, UnitType unitType, String unitCode,
           String password) {
        this(login, name, email, role, unitType, unitCode, password, false);
    }
}
