package cn.lianban.directory;

record AreaType(String code, String name, String description) {
}
