package cn.lianban.directory;

public record AreaType(String code, String name, String description) {
}
