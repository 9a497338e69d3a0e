package cn.lianban.directory;

/**
 * Someone with a login. {@code role} is one of the contract's role groups; {@code unitType}
 * ({@link UnitType}) and {@code unitCode} name the unit they act for (null for the city center); {@code areaCode}
 * is the area (片区) a deputy (两代表一委员) belongs to, null for everyone else.
 */
record Person(String login, String name, String email, String role, UnitType unitType, String unitCode,
                     String password, String areaCode) {
}
