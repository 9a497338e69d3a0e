package cn.lianban.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.lianban.common.UserInputException;
import cn.lianban.directory.Community;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Grid;
import cn.lianban.directory.Roles;
import cn.lianban.directory.UnitType;
import cn.lianban.security.UserUnits;

/**
 * Which community and grid a ticket is raised for. A secretary or grid worker leaves both empty and gets the
 * unit of her login, so nobody types her own codes; a unit she does not answer for is refused. The system
 * (Open311, no login), the city center and administrators name the community themselves.
 */
@Component
class RaisingUnit {

    private final Directory directory;
    private final UserUnits units;

    RaisingUnit(Directory directory, UserUnits units) {
        this.directory = directory;
        this.units = units;
    }

    /**
     * @param communityCode as typed, null when left empty
     * @param gridCode      as typed, null when left empty
     * @param raiserGroups  the logged-in raiser's groups; null when the system raises the ticket
     */
    Unit of(String communityCode, String gridCode, Collection<String> raiserGroups) {
        Set<String> mine = raiserGroups == null ? null
                : units.communities(raiserGroups, Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER);
        String community = communityCode != null ? communityCode : onlyCommunity(mine);
        if (directory.community(community).isEmpty()) {
            throw new UserInputException("communityCode", "社区编码不存在：" + community);
        }
        if (mine != null && !mine.contains(community)) {
            throw new UserInputException("communityCode",
                    "只能为本社区或本网格点单，" + communityName(community) + "不是您所在的社区");
        }
        List<String> ownGrids = raiserGroups == null || answersForCommunity(raiserGroups, community) ? List.of()
                : gridsOf(raiserGroups, community);
        String grid = gridCode != null ? gridCode : ownGrids.size() == 1 ? ownGrids.get(0) : null;
        if (grid != null && !directory.grid(grid).map(g -> g.communityCode().equals(community)).orElse(false)) {
            throw new UserInputException("gridCode", "网格 " + grid + " 不属于社区：" + communityName(community));
        }
        if (grid != null && !ownGrids.isEmpty() && !ownGrids.contains(grid)) {
            throw new UserInputException("gridCode", "只能为本社区或本网格点单，"
                    + directory.grid(grid).map(Grid::name).orElse(grid) + "不是您所在的网格");
        }
        return new Unit(community, grid);
    }

    private static String onlyCommunity(Set<String> mine) {
        if (mine == null || mine.isEmpty()) {
            throw new UserInputException("communityCode", "请填写社区编码，如 C-DL-01");
        }
        if (mine.size() > 1) {
            throw new UserInputException("communityCode", "您的账号对应多个社区，请填写社区编码");
        }
        return mine.iterator().next();
    }

    /** A secretary answers for every grid of her community; administrators and the city center for all. */
    private static boolean answersForCommunity(Collection<String> groups, String community) {
        return UserUnits.citywide(groups) || groups.contains(Roles.COMMUNITY_SECRETARY)
                && groups.contains(UnitType.COMMUNITY.group(community));
    }

    /** The grids of a grid worker's login in that community. */
    private List<String> gridsOf(Collection<String> groups, String community) {
        if (!groups.contains(Roles.GRID_WORKER)) {
            return List.of();
        }
        return groups.stream().map(UnitType.GRID::codeIn).filter(Objects::nonNull)
                .filter(code -> directory.grid(code).map(g -> g.communityCode().equals(community)).orElse(false))
                .sorted().toList();
    }

    private String communityName(String code) {
        return directory.community(code).map(Community::name).map(name -> name + "（" + code + "）").orElse(code);
    }

    /** @param gridCode null when neither typed nor known from the login */
    record Unit(String communityCode, String gridCode) {
    }
}
