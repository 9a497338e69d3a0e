package cn.lianban.common;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Camunda REST (and the webapps' copy of it) takes a variable of type {@code Object} only when its Java type is on
 * the engine's deserialization allow-list ({@code deserializationTypeValidationEnabled}, application.yaml): any
 * other type, e.g. {@code java.net.URL} or a gadget class, is refused with 400 in Camunda's body shape and nothing
 * is stored. The engine would store such a value unread and only refuse to deserialize it later; refusing it at
 * the door keeps it out of the database. Bodies that are not JSON are left to Camunda.
 */
class ObjectVariableFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    /** The class names inside a Jackson type name such as {@code java.util.ArrayList<java.lang.String>}. */
    private static final Pattern TYPE_SEPARATORS = Pattern.compile("[<>,\\[\\]\\s]+");

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectProvider<ProcessEngine> engine;

    public ObjectVariableFilter(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getContentType() == null
                || !request.getContentType().toLowerCase().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        ProcessEngineConfiguration config = engine.getObject().getProcessEngineConfiguration();
        if (config.isDeserializationTypeValidationEnabled()) {
            List<String> refused = refused(body, config.getDeserializationTypeValidator());
            if (!refused.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.setContentType("application/json");
                json.writeValue(response.getWriter(), Map.of("type", "InvalidRequestException",
                        "message", "不接受这些变量的对象类型：" + String.join("；", refused)));
                return;
            }
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    /** "name（type）" of every Object variable in the body whose type, or a type inside it, is not allowed. */
    private List<String> refused(byte[] body, DeserializationTypeValidator validator) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException notJson) {
            return List.of(); // Camunda answers that itself
        }
        List<String> refused = new ArrayList<>();
        walk(null, root, validator, refused);
        return refused;
    }

    private static void walk(String name, JsonNode node, DeserializationTypeValidator validator, List<String> refused) {
        if (node.isObject()) {
            String typeName = node.path("valueInfo").path("objectTypeName").asText("");
            if ("object".equalsIgnoreCase(node.path("type").asText()) && !allowed(typeName, validator)) {
                refused.add((name == null ? "" : name) + "（" + typeName + "）");
            }
            node.properties().forEach(p -> walk(p.getKey(), p.getValue(), validator, refused));
        } else if (node.isArray()) {
            node.forEach(element -> walk(name, element, validator, refused));
        }
    }

    private static boolean allowed(String typeName, DeserializationTypeValidator validator) {
        if (typeName.isBlank()) {
            return true; // without a type Camunda refuses the value itself
        }
        for (String className : TYPE_SEPARATORS.split(typeName.trim())) {
            if (!className.isEmpty() && !validator.validate(className)) {
                return false;
            }
        }
        return true;
    }

    /** The request with its body, already read here, to be read again by Camunda. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<ObjectVariableFilter> objectVariableFilter(ObjectProvider<ProcessEngine> engine) {
            FilterRegistrationBean<ObjectVariableFilter> bean = new FilterRegistrationBean<>(new ObjectVariableFilter(engine));
            bean.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
            // after Camunda's REST login (HIGHEST_PRECEDENCE + 20): strangers are turned away before their body is read
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
            return bean;
        }
    }
}
