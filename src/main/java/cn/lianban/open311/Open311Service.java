package cn.lianban.open311;

import static cn.lianban.open311.Open311Views.date;
import static cn.lianban.open311.Open311Views.map;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.lianban.common.EngineClock;
import cn.lianban.common.RequestBodies;
import cn.lianban.common.TimeLimits;
import cn.lianban.directory.Community;
import cn.lianban.directory.Department;
import cn.lianban.directory.Directory;
import cn.lianban.directory.Street;
import cn.lianban.notify.SmsOutbox;
import cn.lianban.common.Grants;
import cn.lianban.responsibility.ResponsibilityList;
import cn.lianban.responsibility.ResponsibilityList.ResponsibilityItem;
import cn.lianban.ticket.TicketCase;
import cn.lianban.ticket.TicketService;

/**
 * GeoReport v2 on top of the 双联双促 ticket process: the services are the active items of the responsibility
 * list, a posted request starts a {@code ticket} instance as a system start, and a request's progress is read
 * from that instance. What the request itself carried (contact, place, media) is kept in open311_request.
 */
@Service
class Open311Service {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

    private static final Pattern COORDINATE = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{1,15})?");
    /** Control characters other than tab and line breaks: not text, and not writable in XML. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

    private final ResponsibilityList list;
    private final Directory directory;
    private final ServiceArea area;
    private final Open311Keys keys;
    private final Open311Requests requests;
    private final Open311Progress progress;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TimeLimits limits;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String baseUrl;
    private final String contactMail;
    private final boolean demo;
    private final RequestBodies bodies;

    Open311Service(ResponsibilityList list, Directory directory, ServiceArea area, Open311Keys keys,
                   Open311Requests requests, Open311Progress progress, RuntimeService runtime,
                   IdentityService identity, TimeLimits limits, JdbcTemplate jdbc, PlatformTransactionManager txm,
                   @Value("${lianban.base-url:http://localhost:8080}") String baseUrl,
                   @Value("${lianban.mail.from:lianban@lianban.local}") String contactMail,
                   @Value("${lianban.demo.enabled:false}") boolean demo, RequestBodies bodies) {
        this.list = list;
        this.directory = directory;
        this.area = area;
        this.keys = keys;
        this.requests = requests;
        this.progress = progress;
        this.runtime = runtime;
        this.identity = identity;
        this.limits = limits;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txm);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.contactMail = contactMail;
        this.demo = demo;
        this.bodies = bodies;
    }

    // ---------------------------------------------------------------- discovery and services

    Map<String, Object> discovery() {
        String changeset = changeset();
        return map("changeset", changeset,
                "contact", "联办 Open311 接口，如需帮助请发邮件至 " + contactMail,
                "key_service", "api_key 由联办管理员发放，申请请发邮件至 " + contactMail + "，说明应用名称和用途",
                "endpoints", new Listing("endpoint", List.of(map(
                        "specification", SPECIFICATION,
                        "url", baseUrl + "/open311/v2",
                        "changeset", changeset,
                        "type", demo ? "test" : "production",
                        "formats", new Listing("format", List.of(Format.XML.contentType.getType() + "/"
                                + Format.XML.contentType.getSubtype(), Format.JSON.contentType.getType() + "/"
                                + Format.JSON.contentType.getSubtype()))))));
    }

    /** The list's last change: services and their definitions change only with it. */
    private String changeset() {
        Timestamp last = jdbc.queryForObject("SELECT MAX(updated_at) FROM responsibility_item", Timestamp.class);
        return date(last == null ? Instant.EPOCH : last.toInstant());
    }

    Listing services() {
        Names names = names();
        int acceptHours = limits.ticketAcceptHours();
        List<Map<String, Object>> services = list.search(null, null).stream().filter(ResponsibilityItem::active)
                .map(item -> service(item, names, acceptHours)).toList();
        return new Listing("service", services);
    }

    private Map<String, Object> service(ResponsibilityItem item, Names names, int acceptHours) {
        String category = names.categories.getOrDefault(item.category(), item.category());
        String lead = names.department(item.leadDept());
        String departments = item.isCoordination()
                ? lead + "牵头，" + item.helperDepts().stream().map(names::department).collect(Collectors.joining("、"))
                + "协办" : lead + "承办";
        return map("service_code", item.code(),
                "service_name", item.name(),
                "description", item.name() + "（" + category + "）：" + departments + "，"
                        + notice(null, acceptHours, item.resolveDays()),
                "metadata", false,
                "type", "realtime",
                "keywords", String.join(", ", category, item.isCoordination() ? "协同事项" : "基础事项", lead),
                "group", category);
    }

    /** A service's definition: it asks for nothing beyond the standard fields, so it has no attributes. */
    Map<String, Object> definition(String serviceCode) {
        ResponsibilityItem item = offered(serviceCode)
                .orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND, "没有服务 service_code " + serviceCode));
        return map("service_code", item.code(), "attributes", new Listing("attribute", List.of()));
    }

    private Optional<ResponsibilityItem> offered(String serviceCode) {
        return list.find(serviceCode).filter(ResponsibilityItem::active);
    }

    // ---------------------------------------------------------------- POST requests

    /**
     * Checks a posted request and starts its ticket. Every check runs before anything is written; the ticket
     * and the open311_request row are stored in one transaction, so a failure leaves neither.
     */
    Listing submit(Open311Form form) {
        if (form.get("api_key") == null) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "缺少 api_key，无法提交服务请求");
        }
        if (!keys.isActive(form.get("api_key"))) {
            throw new Open311Exception(HttpStatus.FORBIDDEN, "api_key 无效或已停用，无法提交服务请求");
        }
        Open311Post post = Open311Post.of(form);
        List<String> errors = new ArrayList<>(bodies.problems(post));
        ResponsibilityItem item = null;
        if (post.serviceCode() != null) {
            item = offered(post.serviceCode()).orElse(null);
            if (item == null) {
                errors.add("service_code 不存在或已停用：" + post.serviceCode());
            }
        }
        Place place = place(form, errors);
        for (String field : form.names()) {
            String value = form.get(field);
            if (value != null && CONTROL.matcher(value).find()) {
                errors.add(field + " 含有不允许的控制字符");
            }
        }
        if (!errors.isEmpty()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, errors);
        }
        ResponsibilityItem service = item;
        Map<String, Object> start = new HashMap<>();
        start.put("itemCode", service.code());
        start.put("description", post.description());
        start.put("communityCode", place.community().code());
        start.put("location", post.addressString() != null ? post.addressString()
                : form.get("lat") + "," + form.get("long"));
        if (place.lat() != null) {
            // the ticket's position (contract: lat, lon), which the case page links to a map
            start.put("lat", place.lat());
            start.put("lon", place.lon());
        }
        // a mobile number hears back by SMS (status changes, the rating link); a landline stays a contact only
        start.put("reporterPhone", SmsOutbox.mobile(post.phone()));
        ProcessInstance ticket = tx.execute(status -> {
            // an Open311 request is raised by the system, not by whoever is logged in
            ProcessInstance started = Grants.asSystem(identity, () -> runtime.startProcessInstanceByKey("ticket", start));
            requests.insert(new Open311Request(started.getBusinessKey(), UUID.randomUUID().toString(),
                    started.getId(), form.get("api_key"), service.code(), post.description(), place.lat(),
                    place.lon(), post.addressString(), post.email(), post.firstName(), post.lastName(), post.phone(),
                    post.mediaUrl(), post.deviceId(), post.accountId(), EngineClock.now().toInstant()));
            return started;
        });
        String notice = notice(names().department(service.leadDept()), limits.ticketAcceptHours(),
                service.resolveDays());
        return new Listing("request", List.of(map("service_request_id", ticket.getBusinessKey(),
                "service_notice", notice, "account_id", post.accountId())));
    }

    /** Where the problem is: a coordinate and the community around it, or a community named in the address. */
    private Place place(Open311Form form, List<String> errors) {
        String lat = form.get("lat");
        String lon = form.get("long");
        if (lat != null || lon != null) {
            if (lat == null || lon == null) {
                errors.add("lat 和 long 须同时提供");
                return null;
            }
            Double latitude = coordinate(lat, 90);
            Double longitude = coordinate(lon, 180);
            if (latitude == null) {
                errors.add("lat（纬度）须为 -90 到 90 之间的十进制数（WGS-84）：" + lat);
            }
            if (longitude == null) {
                errors.add("long（经度）须为 -180 到 180 之间的十进制数（WGS-84）：" + lon);
            }
            if (latitude == null || longitude == null) {
                return null;
            }
            Optional<Community> community = area.communityAt(latitude, longitude);
            if (community.isEmpty()) {
                errors.add("位置不在服务区域内（location outside service area）：" + Math.round(area.maxDistanceMeters())
                        + " 米内没有社区");
                return null;
            }
            return new Place(community.get(), latitude, longitude);
        }
        String address = form.get("address_string");
        if (address == null) {
            errors.add("须提供位置：lat 和 long，或 address_string" + (form.get("address_id") != null
                    ? "（本接口不使用 address_id）" : ""));
            return null;
        }
        Optional<Community> named = area.communityNamedIn(address);
        if (named.isEmpty()) {
            errors.add("无法从 address_string 确定所在社区，请同时提供 lat 和 long，或在地址中写明社区名称");
            return null;
        }
        return new Place(named.get(), null, null);
    }

    private static Double coordinate(String text, int limit) {
        if (!COORDINATE.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Math.abs(value) <= limit ? value : null;
    }

    private static String notice(String department, int acceptHours, long resolveDays) {
        return (department == null ? "" : department) + acceptHours + "小时内接单，接单后" + resolveDays
                + "个工作日内办结";
    }

    // ---------------------------------------------------------------- GET requests and tokens

    Listing requests(Open311Query query) {
        boolean byId = !query.serviceRequestIds().isEmpty();
        List<Open311Request> found = byId ? requests.withIds(query.serviceRequestIds())
                : requests.requested(query.from(), query.to(), query.serviceCodes());
        Map<String, Open311Progress.Ticket> tickets = progress.of(found.stream()
                .map(Open311Request::processInstanceId).toList());
        Names names = names();
        List<Map<String, Object>> answer = new ArrayList<>();
        for (Open311Request r : found) {
            Map<String, Object> view = view(r, tickets.get(r.processInstanceId()), names);
            if (byId || query.statuses().isEmpty() || query.statuses().contains((String) view.get("status"))) {
                answer.add(view);
                if (answer.size() == Open311Query.MAX_REQUESTS) {
                    break;
                }
            }
        }
        return new Listing("request", answer);
    }

    Listing request(String serviceRequestId) {
        Open311Request r = requests.find(serviceRequestId).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                "没有服务请求 service_request_id " + serviceRequestId));
        Open311Progress.Ticket ticket = progress.of(List.of(r.processInstanceId())).get(r.processInstanceId());
        return new Listing("request", List.of(view(r, ticket, names())));
    }

    Listing token(String token) {
        Open311Request r = requests.byToken(token).orElseThrow(() -> new Open311Exception(HttpStatus.NOT_FOUND,
                "没有 token " + token));
        return new Listing("request", List.of(map("service_request_id", r.serviceRequestId(), "token", r.token())));
    }

    /** One request as GeoReport shows it: what was posted, and the ticket's progress in Camunda. */
    private Map<String, Object> view(Open311Request r, Open311Progress.Ticket t, Names names) {
        Status s = status(t, names);
        TicketCase ticket = t == null ? null : t.row();
        String dept = ticket == null ? null : ticket.deptCode();
        return map("service_request_id", r.serviceRequestId(),
                "status", s.open ? "open" : "closed",
                "status_notes", s.notes,
                "service_name", names.services.get(r.serviceCode()),
                "service_code", r.serviceCode(),
                "description", r.description(),
                "agency_responsible", s.agency,
                "service_notice", ticket != null && ticket.resolveDays() != null
                        ? notice(dept == null ? null : names.department(dept), limits.ticketAcceptHours(),
                        ticket.resolveDays())
                        : null,
                "requested_datetime", date(r.requestedAt()),
                "updated_datetime", date(t == null ? r.requestedAt() : t.updatedAt()),
                "expected_datetime", ticket == null ? null : date(ticket.resolveBy()),
                "address", r.addressString(),
                "address_id", null,
                "zipcode", null,
                "lat", r.lat(),
                "long", r.lon(),
                "media_url", r.mediaUrl());
    }

    private record Status(boolean open, String notes, String agency) {
    }

    /** open while the ticket runs, closed when it has ended; the notes say which step it is at. */
    private static Status status(Open311Progress.Ticket t, Names names) {
        if (t == null) {
            return new Status(false, "工单记录已不存在", null);
        }
        TicketCase ticket = t.row();
        String dept = ticket.deptCode() == null ? null : names.department(ticket.deptCode());
        String result = ticket.result();
        if (t.terminated()) {
            return new Status(false, "工单已撤销", dept);
        }
        if (t.ended() && ticket.jointCaseKey() != null) {
            // 大事不出镇 (issue #13): the street raised it into a joint-handling case, which carries it on
            return new Status(false, "已由街道提级为联席汇办事项 " + ticket.jointCaseKey() + "，继续办理", dept);
        }
        if (t.ended()) {
            return new Status(false, "已办结：" + result, dept);
        }
        String status = ticket.status();
        if ("DISPATCHING".equals(status)) {
            String street = ticket.streetCode() == null ? null : names.street(ticket.streetCode());
            return new Status(true, ticket.returns() > 0 ? "部门退单，街道重新派单中" : "街道协调派单中", street);
        }
        String notes = switch (status == null ? "" : status) {
            case "ACCEPTING" -> "已派至" + dept + "，待接单";
            case "RESOLVING" -> dept + "已接单，办理中";
            case "CONFIRMING" -> "已办理：" + result + "，待社区确认";
            case "RATING", "CLOSED" -> "已解决：" + result + "，待回访评价";
            default -> "办理中";
        };
        return new Status(true, notes, dept);
    }

    /** Names for codes, read once per answer. */
    private Names names() {
        return new Names(
                list.categories().stream().collect(Collectors.toMap(ResponsibilityList.Category::code,
                        ResponsibilityList.Category::name)),
                directory.departments().stream().collect(Collectors.toMap(Department::code, Department::name)),
                directory.streets().stream().collect(Collectors.toMap(Street::code, Street::name)),
                list.search(null, null).stream().collect(Collectors.toMap(ResponsibilityItem::code,
                        ResponsibilityItem::name)));
    }

    private record Names(Map<String, String> categories, Map<String, String> departments, Map<String, String> streets,
                         Map<String, String> services) {

        String department(String code) {
            return departments.getOrDefault(code, code);
        }

        String street(String code) {
            return streets.getOrDefault(code, code);
        }
    }

    private record Place(Community community, Double lat, Double lon) {
    }
}
