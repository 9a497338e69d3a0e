package cn.lianban.pairing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Conflict;
import cn.lianban.common.Forbidden;
import cn.lianban.common.NotFound;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;
import cn.lianban.web.PageAccess;

/**
 * What an agency member who logs in may do (issue 15): record his own 双报到 services, which wait for the
 * secretary; see the open needs of the communities where he serves and claim one. He sees only his own services
 * and those communities' needs.
 */
@Service
class MemberDesk implements PageAccess {

    static final String PAGE = "/members/me";

    private final PairingRepository pairing;
    private final CheckinService checkins;
    private final Needs needs;

    MemberDesk(PairingRepository pairing, CheckinService checkins, Needs needs) {
        this.pairing = pairing;
        this.checkins = checkins;
        this.needs = needs;
    }

    /** A service as the member's form or app gives it; {@code needId} when it served a need he claimed. */
    record ServiceInput(String communityCode, LocalDate date, BigDecimal hours,
                        @NotBlank(message = "服务内容（activity）不能为空") String activity, Long needId) {
    }

    @Override
    public String page() {
        return PAGE;
    }

    @Override
    public boolean mayUse(Authentication user) {
        return UserUnits.groups(user).contains(Roles.AGENCY_MEMBER);
    }

    /** @throws Forbidden when the user is no agency member with a login */
    AgencyMember memberOf(Authentication user) {
        if (!mayUse(user)) {
            throw new Forbidden("此页面仅限下沉党员使用");
        }
        return pairing.memberByLogin(user.getName())
                .orElseThrow(() -> new Forbidden("您的登录未关联下沉党员信息，请联系管理员"));
    }

    /** The community of the grid he is placed in: where his service is, unless he says otherwise. */
    String homeCommunity(AgencyMember member) {
        return pairing.communityOfGrid(member.gridCode());
    }

    List<String> communities(AgencyMember member) {
        return pairing.communitiesOf(member);
    }

    List<CheckinService.Service> services(AgencyMember member) {
        return checkins.servicesOf(member.id());
    }

    /** The open needs of the communities where the member serves. */
    List<Needs.Need> openNeeds(AgencyMember member) {
        return needs.of(communities(member), Needs.Status.OPEN);
    }

    /** The needs he claimed whose service he has still to record. */
    List<Needs.Need> claimed(AgencyMember member) {
        return needs.awaitingService(member.id());
    }

    /**
     * @throws NotFound when the need does not exist or is not of a community where the member serves
     * @throws Conflict when someone claimed it first
     */
    Needs.Need claim(Authentication user, long needId) {
        AgencyMember member = memberOf(user);
        Needs.Need need = needs.need(needId).filter(n -> communities(member).contains(n.communityCode()))
                .orElseThrow(() -> new NotFound("need_unknown", "未找到该需求，或该需求不属于您所在单位结对的社区"));
        if (!needs.claim(needId, member.id())) {
            throw new Conflict("need_claimed", "该需求已被其他党员认领，请选择其他需求");
        }
        return need;
    }

    /**
     * Records the member's own service, pending the secretary's confirmation, and returns its id.
     *
     * @throws NotFound   when {@code needId} names no need he claimed and has not been served yet
     * @throws Forbidden  when the community is not one where he serves
     * @throws BadRequest {@link CheckinDesk#INVALID} as {@link CheckinService#checkIn} refuses
     */
    @Transactional
    long report(Authentication user, ServiceInput in) {
        AgencyMember member = memberOf(user);
        String community = in.communityCode() == null ? "" : in.communityCode().strip();
        if (in.needId() != null) {
            Needs.Need need = claimed(member).stream().filter(n -> n.id() == in.needId()).findFirst()
                    .orElseThrow(() -> new NotFound("need_unknown", "未找到您认领且尚未登记服务的该需求"));
            community = need.communityCode();
        }
        if (!communities(member).contains(community)) {
            throw new Forbidden("只能在本人下沉网格所在社区或所在单位结对的社区登记服务");
        }
        try {
            return checkins.report(member.id(), community, in.date(), in.hours(), in.activity(), in.needId());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(CheckinDesk.INVALID, e.getMessage());
        }
    }
}
