package cn.lianban.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Forbidden;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;
import cn.lianban.web.PageAccess;

/**
 * Who records 双报到 check-ins and reads their totals: a community secretary for their own community, a grid
 * worker for the community of their grid, the city center and administrators for every community.
 */
@Service
class CheckinDesk implements PageAccess {

    /** The error code of a check-in that {@link CheckinService} refuses. */
    static final String INVALID = "invalid_checkin";

    private final CheckinService checkins;
    private final UserUnits units;

    CheckinDesk(CheckinService checkins, UserUnits units) {
        this.checkins = checkins;
        this.units = units;
    }

    /**
     * A check-in as the JSON API receives it or the page's form gives it. The rest is checked by {@link
     * CheckinService}, whose refusals keep the code {@link #INVALID} that apps know.
     */
    record CheckinInput(@NotNull(message = "报到党员（memberId）不能为空") Long memberId,
                        @NotBlank(message = "服务社区（communityCode）不能为空") String communityCode,
                        LocalDate date, BigDecimal hours, String activity) {
    }

    /** The communities a user works for: all of them, or those listed. */
    record Scope(boolean citywide, Set<String> communities) {

        boolean includes(String community) {
            return citywide || communities.contains(community);
        }

        /** The user's only community, when they are not citywide and have exactly one. */
        Optional<String> single() {
            return !citywide && communities.size() == 1 ? Optional.of(communities.iterator().next()) : Optional.empty();
        }

        /** For {@link CheckinService#totals}: null for citywide. */
        Set<String> filter() {
            return citywide ? null : communities;
        }
    }

    /** Whether the user has one of the roles that take part in 双报到 (the page header offers it only then). */
    @Override
    public String page() {
        return "/checkins";
    }

    @Override
    public boolean mayUse(Authentication user) {
        Set<String> groups = UserUnits.groups(user);
        return UserUnits.citywide(groups) || groups.contains(Roles.COMMUNITY_SECRETARY)
                || groups.contains(Roles.GRID_WORKER);
    }

    /** @throws Forbidden when the user has none of the roles that take part in 双报到 */
    Scope scopeOf(Authentication user) {
        if (!mayUse(user)) {
            throw new Forbidden("双报到登记与统计仅限社区书记、网格员、市城市党建服务中心和管理员");
        }
        Set<String> communities = units.communities(user, Roles.COMMUNITY_SECRETARY, Roles.GRID_WORKER);
        return communities == null ? new Scope(true, Set.of()) : new Scope(false, communities);
    }

    /**
     * Records a check-in for the user and returns its id.
     *
     * @param in checked by its annotations ({@code RequestBodies})
     * @throws BadRequest {@link #INVALID} with a Chinese message naming the field; nothing is stored then
     * @throws Forbidden  when the community is not the user's
     */
    long record(Authentication user, CheckinInput in) {
        Scope scope = scopeOf(user);
        String community = in.communityCode().strip();
        if (!scope.includes(community)) {
            throw new Forbidden("只能为本人所在社区登记双报到，不能登记到 " + community);
        }
        try {
            return checkins.checkIn(in.memberId(), community, in.date(), in.hours(), in.activity());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(INVALID, e.getMessage());
        }
    }

    /** The totals the user may see: citywide, or those of members placed in (or rows of) their communities. */
    List<CheckinService.Total> totals(Authentication user, CheckinService.By by, YearMonth month) {
        return checkins.totals(by, month, scopeOf(user).filter());
    }
}
