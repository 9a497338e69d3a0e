package cn.lianban.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The database cannot be reached (stopped, restarting, unreachable). A request that needs it is answered 503 with
 * a Chinese message as soon as the connection pool gives up (one second, {@code spring.datasource.hikari
 * .connection-timeout}) instead of a 500 after half a minute; the pool reconnects by itself when the database is
 * back. The body has the shape the caller expects: the contract's {@code {"error", "message"}} under /api,
 * Camunda's {@code {"type", "message"}} for Camunda REST, a short page otherwise.
 */
public final class DatabaseOutage {

    public static final String MESSAGE = "数据库暂时无法连接，请稍后再试";

    private DatabaseOutage() {
    }

    /** Whether the failure, or one of its causes, is a connection that could not be had or was lost. */
    public static boolean isCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQL states 08 (connection exception) and 57P (the server shut down or is starting up)
            if (t instanceof SQLException e && e.getSQLState() != null
                    && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "10");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (path.startsWith("/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"database_unavailable\",\"message\":\"" + MESSAGE + "\"}");
        } else if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"type\":\"DatabaseUnavailable\",\"message\":\"" + MESSAGE + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                    + "<title>暂时无法服务</title></head><body><h1>暂时无法服务</h1><p>" + MESSAGE + "。</p></body></html>");
        }
        response.flushBuffer();
    }
}
