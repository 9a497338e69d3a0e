package cn.lianban.directory;

import java.util.List;

/** The contract's role groups. */
public final class Roles {
    public static final String COMMUNITY_SECRETARY = "community-secretary";
    public static final String GRID_WORKER = "grid-worker";
    public static final String AREA_COMMITTEE = "area-committee";
    public static final String STREET_OFFICE = "street-office";
    public static final String CITY_CENTER = "city-center";
    public static final String DEPARTMENT = "department";
    public static final String DEPUTY = "deputy";
    /** An agency party member placed in a grid (下沉党员), issue 15: also in groups {@code agency:<code>} and the grid's. */
    public static final String AGENCY_MEMBER = "agency-member";
    public static final String ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(COMMUNITY_SECRETARY, GRID_WORKER, AREA_COMMITTEE, STREET_OFFICE,
            CITY_CENTER, DEPARTMENT, DEPUTY, AGENCY_MEMBER, ADMIN);

    public static String chineseName(String role) {
        return switch (role) {
            case COMMUNITY_SECRETARY -> "社区书记";
            case GRID_WORKER -> "网格员";
            case AREA_COMMITTEE -> "片区联合党委委员";
            case STREET_OFFICE -> "街道办事处";
            case CITY_CENTER -> "市城市党建服务中心";
            case DEPARTMENT -> "职能部门";
            case DEPUTY -> "两代表一委员";
            case AGENCY_MEMBER -> "下沉党员";
            case ADMIN -> "管理员";
            default -> role;
        };
    }

    private Roles() {
    }
}
