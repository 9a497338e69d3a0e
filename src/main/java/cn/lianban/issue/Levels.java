package cn.lianban.issue;

import java.util.List;
import java.util.function.Supplier;

import cn.lianban.directory.Directory.Placement;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;

/** The five levels (五级) and which unit acts at each. */
final class Levels {

    static final int TOP = 5;

    /** Who answers for handling: the community itself at levels 1–2, the lead department above. */
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

    /**
     * Who handles together with the community at level 1 (网格, DOMAIN.md: "grid worker with the community"): the
     * workers (网格员) of the case's grid, or of every grid of the community when the case names none. Level 2 is the
     * community's own (社区书记), so escalation takes the task off the grids.
     *
     * @param gridCode         the case's grid; null for a case of the whole community
     * @param gridsOfCommunity the community's grids, asked for only when needed
     */
    static List<String> handleGridGroups(int level, String gridCode, Supplier<List<String>> gridsOfCommunity) {
        if (level != 1) {
            return List.of();
        }
        return (gridCode != null ? List.of(gridCode) : gridsOfCommunity.get()).stream().map(UnitType.GRID::group)
                .toList();
    }

    private Levels() {
    }
}
