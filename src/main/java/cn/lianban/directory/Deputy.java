package cn.lianban.directory;

/** A deputy (两代表一委员: party congress, people's congress, CPPCC) and the area (片区) they belong to. */
public record Deputy(String login, String name, String email, String areaCode) {
}
