package cn.lianban.directory;

public record Department(String code, String name, String email) {
}
