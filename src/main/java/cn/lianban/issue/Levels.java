package cn.lianban.issue;

import java.util.List;

import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/** The five levels (五级) and which unit acts at each. */
final class Levels {

    static final int TOP = 5;

    /** Who handles: the community itself at levels 1–2, the lead department above. */
    static String handleGroup(int level, String communityCode, String leadDept) {
        return level <= 2 || leadDept == null ? UnitType.COMMUNITY.group(communityCode) : UnitType.DEPT.group(leadDept);
    }

    /** Who convenes the joint meeting (联席会议) at levels 3–5. */
    static String meetingGroup(int level, Placement p) {
        return switch (level) {
            case 1, 2 -> UnitType.COMMUNITY.group(p.community().code());
            case 3 -> UnitType.AREA.group(p.area().code());
            case 4 -> UnitType.STREET.group(p.street().code());
            default -> Roles.CITY_CENTER;
        };
    }

    /** Who handles together with the community at levels 1–2: its grid workers (网格员), through their grid groups. */
    static List<String> handleGridGroups(int level, List<String> gridsOfCommunity) {
        return level <= 2 ? gridsOfCommunity.stream().map(UnitType.GRID::group).toList() : List.of();
    }

    private Levels() {
    }
}
