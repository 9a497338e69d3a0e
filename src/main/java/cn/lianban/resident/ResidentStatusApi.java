package cn.lianban.resident;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.common.NotFound;
import cn.lianban.common.RequestBodies;
import cn.lianban.ticket.TicketProgress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * The status page as JSON, for the 小程序 and other resident apps: {@code POST /api/status/{key}} with
 * {@code {"last4": "5678"}}. The same rules as the page: one 404 for an unknown number, a ticket without a phone
 * and wrong digits, and every lookup counted ({@link ResidentPages#lookup}).
 */
@RestController
class ResidentStatusApi {

    private final ResidentPages pages;
    private final RequestBodies bodies;

    ResidentStatusApi(ResidentPages pages, RequestBodies bodies) {
        this.pages = pages;
        this.bodies = bodies;
    }

    record StatusQuery(@NotBlank(message = "请填写反映时所留手机号的后四位")
                       @Pattern(regexp = "\\d{4}", message = "手机号后四位须为 4 位数字") String last4) {
    }

    @PostMapping("/api/status/{key}")
    TicketProgress.Progress status(@PathVariable String key, @RequestBody JsonNode body, HttpServletRequest request) {
        StatusQuery query = bodies.read(body, StatusQuery.class);
        return pages.lookup(key.strip().toUpperCase(), query.last4(), request.getRemoteAddr())
                .orElseThrow(() -> new NotFound("not_found", ResidentPages.NOT_FOUND));
    }
}
