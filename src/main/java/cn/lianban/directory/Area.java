package cn.lianban.directory;

/** 精治片区, led by a joint party committee (联合党委). */
public record Area(String code, String name, String streetCode, String areaType, double lat, double lon, String email) {
}
