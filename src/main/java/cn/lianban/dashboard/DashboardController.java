package cn.lianban.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import cn.lianban.common.BadRequest;
import cn.lianban.common.RequestBodies;

/**
 * The city dashboard (数据减负): {@code GET /dashboard} with charts, {@code GET /api/dashboard} as JSON and
 * {@code GET /dashboard/export/{table}.csv|.xlsx} (tables: {@link DashboardTables#TITLES}); all take {@code month, street, area, community} and show
 * only the user's own units ({@link DashboardScope}).
 */
final class DashboardController {

    private DashboardController() {
    }

    /** Resolves the query into the figures the user may see; a unit not theirs is refused before a bad month. */
    static DashboardFigures.Figures figures(DashboardScope scope, DashboardFigures figures, RequestBodies bodies,
                                            DashboardQuery query, Authentication user) {
        Set<String> communities = scope.communities(user, query.street(), query.area(), query.community());
        return figures.figures(bodies.valid(query).yearMonth(), communities);
    }

    /** JSON: {@code GET /api/dashboard?month=2026-11&street=&area=&community=}. */
    @RestController
    static class Api {
        private final DashboardScope scope;
        private final DashboardFigures figures;
        private final RequestBodies bodies;

        Api(DashboardScope scope, DashboardFigures figures, RequestBodies bodies) {
            this.scope = scope;
            this.figures = figures;
            this.bodies = bodies;
        }

        @GetMapping("/api/dashboard")
        DashboardFigures.Figures figures(DashboardQuery query, Authentication user) {
            return DashboardController.figures(scope, figures, bodies, query, user);
        }
    }

    /** The page and the exports. */
    @Controller
    static class Page {
        private final DashboardScope scope;
        private final DashboardFigures figures;
        private final DashboardTables tables;
        private final TransactionTemplate readOnly;
        private final RequestBodies bodies;
        private final TimeLightCounts lights;
        private final HotSpots hotSpots;

        Page(DashboardScope scope, DashboardFigures figures, DashboardTables tables,
             PlatformTransactionManager transactions, RequestBodies bodies, TimeLightCounts lights, HotSpots hotSpots) {
            this.scope = scope;
            this.hotSpots = hotSpots;
            this.lights = lights;
            this.figures = figures;
            this.tables = tables;
            this.bodies = bodies;
            this.readOnly = new TransactionTemplate(transactions);
            this.readOnly.setReadOnly(true);
        }

        @GetMapping("/dashboard")
        String page(DashboardQuery query, Authentication user, Model model, HttpServletResponse response) {
            DashboardFigures.Figures f;
            try {
                f = DashboardController.figures(scope, figures, bodies, query, user);
            } catch (BadRequest e) {
                // the page again with this month's figures and the reason, rather than an error page
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("error", e.getMessage());
                f = DashboardController.figures(scope, figures, bodies, query.thisMonth(), user);
            }
            model.addAttribute("figures", f);
            model.addAttribute("month", f.month());
            model.addAttribute("street", query.street());
            model.addAttribute("area", query.area());
            model.addAttribute("community", query.community());
            model.addAttribute("unit", scope.unitName(user, query.street(), query.area(), query.community()));
            // the filters offer only the user's own units; another typed into the address is refused (403)
            model.addAttribute("offer", scope.offered(user));
            model.addAttribute("tables", DashboardTables.TITLES);
            // the 时效灯 are today's, whatever the month
            Set<String> communities = scope.communities(user, query.street(), query.area(), query.community());
            model.addAttribute("lights", lights.units(communities));
            model.addAttribute("hotSpots", hotSpots.of(YearMonth.parse(f.month()), communities));
            return "dashboard/index";
        }

        @GetMapping("/dashboard/export/{table}.csv")
        void csv(@PathVariable String table, DashboardQuery query, Authentication user, HttpServletResponse response) {
            DashboardTable t = table(table, query, user);
            response.setContentType("text/csv;charset=UTF-8");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            attachment(response, t.title() + ".csv");
            readOnly.executeWithoutResult(tx -> write(() -> DashboardExports.csv(t, response.getWriter())));
        }

        @GetMapping("/dashboard/export/{table}.xlsx")
        void xlsx(@PathVariable String table, DashboardQuery query, Authentication user, HttpServletResponse response) {
            DashboardTable t = table(table, query, user);
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            attachment(response, t.title() + ".xlsx");
            readOnly.executeWithoutResult(tx -> write(() -> DashboardExports.xlsx(t, response.getOutputStream())));
        }

        /** The Chinese file name for browsers (RFC 6266 filename*), with an ASCII fallback. */
        static void attachment(HttpServletResponse response, String name) {
            response.setHeader("Content-Disposition", ContentDisposition.attachment()
                    .filename(name, StandardCharsets.UTF_8).build().toString());
        }

        interface Output {
            void write() throws IOException;
        }

        /** Rows are read while they are written, so the read stays in one read-only transaction (a cursor). */
        static void write(Output output) {
            try {
                output.write();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A bad month on an export: 400 with the reason as text. */
        @ExceptionHandler(BadRequest.class)
        ResponseEntity<String> badRequest(BadRequest e) {
            return ResponseEntity.badRequest().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(e.getMessage());
        }

        private DashboardTable table(String table, DashboardQuery query, Authentication user) {
            if (!DashboardTables.TITLES.containsKey(table)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这张表：" + table);
            }
            Set<String> communities = scope.communities(user, query.street(), query.area(), query.community());
            return tables.table(table, bodies.valid(query).yearMonth(), communities,
                    scope.unitName(user, query.street(), query.area(), query.community()));
        }
    }
}
