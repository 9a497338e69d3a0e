package cn.lianban.directory;

/**
 * Someone with a login. {@code role} is one of the contract's role groups; {@code unitType}
 * ({@link UnitType}) and {@code unitCode} name the unit they act for (null for the city center).
 */
record Person(String login, String name, String email, String role, UnitType unitType, String unitCode,
                     String password) {
}
