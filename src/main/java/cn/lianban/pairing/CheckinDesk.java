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
import cn.lianban.common.Conflict;
import cn.lianban.common.Forbidden;
import cn.lianban.common.NotFound;
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

    /**
     * The communities whose members' services and needs a secretary keeps (issue 15): confirming services and
     * publishing needs is the community secretary's alone.
     *
     * @throws Forbidden for anyone else
     */
    Set<String> secretaryOf(Authentication user) {
        if (!UserUnits.groups(user).contains(Roles.COMMUNITY_SECRETARY)) {
            throw new Forbidden("确认双报到服务、发布微心愿和服务需求仅限社区书记");
        }
        Set<String> communities = units.communities(user, Roles.COMMUNITY_SECRETARY);
        return communities == null ? Set.of() : communities;
    }

    /** The communities of a community secretary; empty for anyone else. */
    Set<String> secretaryCommunities(Authentication user) {
        return UserUnits.groups(user).contains(Roles.COMMUNITY_SECRETARY) ? secretaryOf(user) : Set.of();
    }

    /** Services members reported in the user's communities, waiting for a secretary; none for others. */
    List<CheckinService.Service> pending(Authentication user) {
        return checkins.pending(secretaryCommunities(user));
    }

    /**
     * Confirms a member's service (it counts from now on) or returns it with a reason.
     *
     * @throws Forbidden  when the user is no community secretary
     * @throws NotFound   when the service does not exist or was served in another community
     * @throws BadRequest when a return has no reason
     * @throws Conflict   when it was confirmed or returned already
     */
    CheckinService.Service decide(Authentication user, long id, boolean confirm, String reason) {
        Set<String> communities = secretaryOf(user);
        CheckinService.Service service = checkins.service(id).filter(s -> communities.contains(s.communityCode()))
                .orElseThrow(() -> new NotFound("checkin_unknown", "未找到该服务记录，或该服务不在您的社区"));
        String why = reason == null ? "" : reason.strip();
        if (!confirm && why.isEmpty()) {
            throw new BadRequest("missing_reason", "退回时请填写退回原因");
        }
        if (why.codePointCount(0, why.length()) > 200) {
            throw new BadRequest("reason_too_long", "退回原因不能超过 200 个字");
        }
        if (!checkins.decide(id, confirm, why, user.getName())) {
            throw new Conflict("checkin_decided", "该服务已确认或退回，无需再次处理");
        }
        return service;
    }

    /** The totals the user may see: citywide, or those of members placed in (or rows of) their communities. */
    List<CheckinService.Total> totals(Authentication user, CheckinService.By by, YearMonth month) {
        return checkins.totals(by, month, scopeOf(user).filter());
    }
}
