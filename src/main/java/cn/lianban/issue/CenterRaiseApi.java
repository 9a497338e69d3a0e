package cn.lianban.issue;

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

import cn.lianban.common.Forbidden;
import cn.lianban.common.RequestBodies;
import cn.lianban.directory.Roles;
import cn.lianban.security.UserUnits;

/**
 * {@code POST /api/issues/{businessKey}/raise} with {@code level} and {@code reason}: the city center's 提级 (the
 * case page's button calls it). Anyone else is refused with 403.
 */
@RestController
class CenterRaiseApi {

    static final int MAX_REASON = 500;

    private final IssueRaise raise;
    private final RequestBodies bodies;

    CenterRaiseApi(IssueRaise raise, RequestBodies bodies) {
        this.raise = raise;
        this.bodies = bodies;
    }

    record RaiseRequest(
            @NotNull(message = "请选择提级到第几级") @Min(value = 2, message = "提级层级须为第二到第五级")
            @Max(value = 5, message = "提级层级须为第二到第五级") Integer level,
            @NotBlank(message = "请填写提级理由")
            @Size(max = MAX_REASON, message = "提级理由不能超过" + MAX_REASON + "个字") String reason) {
    }

    @PostMapping("/api/issues/{businessKey}/raise")
    IssueRaise.Raised raise(@PathVariable String businessKey, @RequestBody JsonNode body, Authentication user) {
        if (!UserUnits.groups(user).contains(Roles.CITY_CENTER)) {
            throw new Forbidden("只有市中心可以直接提级");
        }
        RaiseRequest request = bodies.read(body, RaiseRequest.class);
        return raise.raise(businessKey, request.level(), request.reason().strip());
    }
}
