package cn.lianban.issue;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.common.BadRequest;
import cn.lianban.common.Forbidden;
import cn.lianban.common.RequestBodies;
import cn.lianban.common.UserInputException;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;

/**
 * The case page's actions on a running joint-handling case (issue 13): {@code POST /api/issues/{businessKey}/raise}
 * with {@code level} and {@code reason}, the city center's 提级; {@code POST /api/issues/{businessKey}/shelve} with
 * {@code category}, {@code reason} and an optional {@code reviewDate}, 挂账 by the case's area committee. Anyone
 * else is refused with 403.
 */
@RestController
class IssueActionsApi {

    static final int MAX_REASON = 500;
    /** The approval form's field names as this request names them. */
    private static final Map<String, String> FIELDS = Map.of("shelfCategory", "category", "shelfReason", "reason",
            "shelfReviewDate", "review_date");

    private final IssueActions actions;
    private final RequestBodies bodies;

    IssueActionsApi(IssueActions actions, RequestBodies bodies) {
        this.actions = actions;
        this.bodies = bodies;
    }

    record RaiseRequest(
            @NotNull(message = "请选择提级到第几级") @Min(value = 2, message = "提级层级须为第二到第五级")
            @Max(value = 5, message = "提级层级须为第二到第五级") Integer level,
            @NotBlank(message = "请填写提级理由")
            @Size(max = MAX_REASON, message = "提级理由不能超过" + MAX_REASON + "个字") String reason) {
    }

    /** The reason's words and the review date are checked as at the approval ({@link IssueShelf#shelving}). */
    record ShelveRequest(String category, String reason, String reviewDate) {
    }

    @PostMapping("/api/issues/{businessKey}/raise")
    IssueActions.Raised raise(@PathVariable String businessKey, @RequestBody JsonNode body, Authentication user) {
        if (!UserUnits.groups(user).contains(Roles.CITY_CENTER)) {
            throw new Forbidden("只有市中心可以直接提级");
        }
        RaiseRequest request = bodies.read(body, RaiseRequest.class);
        return actions.raise(businessKey, request.level(), request.reason().strip());
    }

    @PostMapping("/api/issues/{businessKey}/shelve")
    IssueActions.Shelved shelve(@PathVariable String businessKey, @RequestBody JsonNode body, Authentication user) {
        if (!UserUnits.groups(user).contains(Roles.AREA_COMMITTEE)) {
            throw new Forbidden("只有本片区联合党委可以将事项挂账");
        }
        ShelveRequest request = bodies.read(body, ShelveRequest.class);
        try {
            return actions.shelve(businessKey, UserUnits.groups(user), request.category(), request.reason(),
                    request.reviewDate());
        } catch (UserInputException e) {
            // the approval form's own checks: the same sentence, with the code of the request's field
            throw new BadRequest("bad_" + FIELDS.getOrDefault(e.field(), e.field()), e.getMessage());
        }
    }
}
