package cn.lianban.directory;

public record Grid(String code, String name, String communityCode, double lat, double lon) {
}
