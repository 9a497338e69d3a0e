package cn.lianban.directory;

public record Street(String code, String name, double lat, double lon, String email) {
}
