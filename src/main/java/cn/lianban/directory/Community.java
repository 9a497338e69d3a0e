package cn.lianban.directory;

public record Community(String code, String name, String areaCode, double lat, double lon, String email) {
}
