package cn.lianban.database;

import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The project's controllers: a failure caused by a connection that could not be had (Spring matches handlers on
 * the exception's causes too, e.g. inside CannotGetJdbcConnectionException) is answered by {@link DatabaseOutage}
 * before any catch-all advice could make a 500 of it. Other failures are not this advice's business.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageAdvice {

    @ExceptionHandler({SQLTransientConnectionException.class, SQLNonTransientConnectionException.class})
    void databaseDown(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DatabaseOutage.answer(request, response);
    }
}
