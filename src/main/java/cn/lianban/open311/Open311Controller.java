package cn.lianban.open311;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: discovery, services, service definitions, requests (GET and
 * POST), single requests and tokens, each as {@code .xml} and {@code .json}. Anonymous; posting needs an
 * {@code api_key}. Errors are GeoReport's error lists, in the format the path asked for. A plain
 * {@code @Controller}, so the project's JSON error advice for {@code @RestController}s stays out.
 */
@Controller
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final Logger LOG = LoggerFactory.getLogger(Open311Controller.class);

    /** The resources that exist, whatever the method: a wrong method on them is a 400, anything else a 404. */
    private static final Pattern RESOURCES = Pattern.compile(
            "/open311/v2/(discovery|services|services/[^/]+|requests|requests/[^/]+|tokens/[^/]+)\\.(xml|json)");

    private final Open311Service open311;
    private final Open311Writer writer;

    private final DataSize formLimit;

    Open311Controller(Open311Service open311, Open311Writer writer,
                      @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize formLimit) {
        this.open311 = open311;
        this.writer = writer;
        this.formLimit = formLimit;
    }

    @GetMapping("/discovery.{format}")
    ResponseEntity<byte[]> discovery(@PathVariable String format) {
        return writer.ok(Format.of(format), "discovery", open311.discovery());
    }

    @GetMapping("/services.{format}")
    ResponseEntity<byte[]> services(@PathVariable String format) {
        return writer.ok(Format.of(format), "services", open311.services());
    }

    @GetMapping("/services/{code}.{format}")
    ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format) {
        Format f = Format.of(format);
        return writer.ok(f, "service_definition", open311.definition(code));
    }

    @PostMapping("/requests.{format}")
    ResponseEntity<byte[]> post(@PathVariable String format, HttpServletRequest request) {
        Format f = Format.of(format);
        if (request.getContentLengthLong() > formLimit.toBytes()) {
            // Tomcat would drop every field of the form, and the request would be refused for a missing api_key
            throw new Open311Exception(HttpStatus.PAYLOAD_TOO_LARGE,
                    "请求内容过大（上限 " + formLimit.toMegabytes() + " MB）");
        }
        return writer.ok(f, "service_requests", open311.submit(new Open311Form(request.getParameterMap())));
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<byte[]> requests(@PathVariable String format, HttpServletRequest request) {
        Format f = Format.of(format);
        return writer.ok(f, "service_requests", open311.requests(Open311Query.of(new Open311Form(
                request.getParameterMap()))));
    }

    @GetMapping("/requests/{id}.{format}")
    ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format) {
        Format f = Format.of(format);
        return writer.ok(f, "service_requests", open311.request(id));
    }

    @GetMapping("/tokens/{token}.{format}")
    ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format) {
        Format f = Format.of(format);
        return writer.ok(f, "service_requests", open311.token(token));
    }

    /** Everything else under /open311/v2/: an unknown resource, or a known one asked with the wrong method. */
    @RequestMapping("/**")
    ResponseEntity<byte[]> other(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (RESOURCES.matcher(path).matches()) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "此资源不支持 " + request.getMethod() + " 请求");
        }
        throw new Open311Exception(HttpStatus.NOT_FOUND, "没有这个资源：" + path);
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<byte[]> refused(Open311Exception e, HttpServletRequest request) {
        return writer.error(Format.ofPath(request.getRequestURI()), e);
    }

    /** A check of the ticket process itself failed; nothing was stored (the transaction rolled back). */
    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<byte[]> rejectedByProcess(BadUserRequestException e, HttpServletRequest request) {
        return refused(new Open311Exception(HttpStatus.BAD_REQUEST, e.getMessage()), request);
    }

    /** GeoReport's "general service error": 400, and the client is told to report it. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> failed(Exception e, HttpServletRequest request) {
        LOG.error("Open311 {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return refused(new Open311Exception(HttpStatus.BAD_REQUEST, "服务暂时无法处理该请求，请稍后再试或联系管理员"),
                request);
    }
}
