package cn.lianban.field;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.lianban.common.BadRequest;
import cn.lianban.common.FieldCodes;
import cn.lianban.common.RequestBodies;
import cn.lianban.common.UserInputException;
import cn.lianban.issue.IssueStarts;
import cn.lianban.ticket.TicketStarts;

/**
 * The phone page's filings: {@code POST /api/field/tickets} raises a ticket, {@code POST /api/field/cases} files a
 * joint-handling case, both as the logged-in grid worker or secretary, with the start variables the start forms
 * give (the processes' start checks apply), and answer 201 with the {@code businessKey}; the same {@code requestId}
 * again answers 200 with the same key and files nothing ({@link OnceOnly}). Photos follow through
 * {@code POST /api/cases/{key}/attachments}.
 */
@RestController
class FieldApi {

    static final String REQUEST_ID = "请求编号无效，请刷新页面后重新提交";
    static final String REQUEST_ID_PATTERN = "[A-Za-z0-9-]{8,64}";
    static final String LATITUDE = "纬度须在 -90 到 90 之间";
    static final String LONGITUDE = "经度须在 -180 到 180 之间";
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_LOCATION = 200;

    private final RequestBodies bodies;
    private final FieldUser users;
    private final OnceOnly once;
    private final TicketStarts tickets;
    private final IssueStarts cases;

    FieldApi(RequestBodies bodies, FieldUser users, OnceOnly once, TicketStarts tickets, IssueStarts cases) {
        this.bodies = bodies;
        this.users = users;
        this.once = once;
        this.tickets = tickets;
        this.cases = cases;
    }

    /** What a filing answers: the new case's key, on the case page at {@code /cases/{businessKey}}. */
    record Filed(String businessKey) {
    }

    @PostMapping(path = "/api/field/tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Filed> ticket(@RequestBody JsonNode body, Authentication user) {
        users.check(user);
        TicketRequest r = bodies.read(body, TicketRequest.class);
        wholePosition(r.lat(), r.lon());
        return answer(user, r.requestId(), () -> tickets.raise(new TicketStarts.Start(given(r.itemCode()),
                r.description().strip(), given(r.location()), r.lat(), r.lon(), given(r.reporterPhone()))));
    }

    @PostMapping(path = "/api/field/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Filed> jointCase(@RequestBody JsonNode body, Authentication user) {
        users.checkFilesCases(user);
        CaseRequest r = bodies.read(body, CaseRequest.class);
        wholePosition(r.lat(), r.lon());
        return answer(user, r.requestId(), () -> cases.file(new IssueStarts.Start(r.title().strip(),
                r.description().strip(), r.category().strip(), given(r.location()), r.households(),
                r.estimatedCost() == null ? 0L : r.estimatedCost(), false, Boolean.TRUE.equals(r.multiDepartment()),
                Boolean.TRUE.equals(r.safetyRisk()), FieldUser.onlyGrid(user), r.lat(), r.lon(),
                given(r.reporterPhone()))));
    }

    private ResponseEntity<Filed> answer(Authentication user, String requestId, Supplier<String> start) {
        OnceOnly.Result result = once.file(user.getName(), requestId, () -> {
            try {
                return start.get();
            } catch (UserInputException e) {
                // the start check's sentence, for a person (no field names), with the field's code for apps
                throw new BadRequest("bad_" + RequestBodies.snake(e.field()), FieldCodes.withoutCodes(e.getMessage()));
            }
        });
        Filed filed = new Filed(result.businessKey());
        return result.repeated() ? ResponseEntity.ok(filed)
                : ResponseEntity.created(URI.create("/cases/" + filed.businessKey())).body(filed);
    }

    /** A position is a point: latitude and longitude together. */
    private static void wholePosition(Double lat, Double lon) {
        if ((lat == null) != (lon == null)) {
            throw new BadRequest(lat == null ? "missing_lat" : "missing_lon", "位置须同时有纬度和经度，请重新定位");
        }
    }

    private static String given(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
