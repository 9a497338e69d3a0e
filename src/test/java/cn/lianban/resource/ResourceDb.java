package cn.lianban.resource;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.lianban.directory.DemoDirectoryGenerator;
import cn.lianban.directory.Directory;

/** A database migrated by Flyway with the 30 departments in it, without Spring Boot or the engine. */
final class ResourceDb {

    final JdbcTemplate jdbc;
    final ResourceList list;

    private ResourceDb(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        for (String[] d : DemoDirectoryGenerator.DEPARTMENTS) {
            jdbc.update("INSERT INTO department(code, name, email) VALUES (?, ?, ?)", d[0], d[1], d[0] + "@dept");
        }
        list = new ResourceList(jdbc, new Directory(jdbc));
    }

    /**
     * Adds three communities (two with a mailbox, one without: its secretary is told) and the monthly cycle on
     * {@code clock}, mailing through a real outbox (templates from the classpath).
     */
    ResourceSubmissions cycle(java.time.Clock clock) {
        jdbc.update("INSERT INTO area_type(code, name) VALUES ('T', '城区')");
        jdbc.update("INSERT INTO street(code, name, lat, lon) VALUES ('S-1', '东街道', 37.6, 120.3)");
        jdbc.update("INSERT INTO area(code, name, street_code, area_type, lat, lon) VALUES ('A-1', '东片区', 'S-1', 'T', 37.6, 120.3)");
        for (String[] c : new String[][]{{"C-1", "东社区", "c1@community"}, {"C-2", "西社区", "c2@community"}, {"C-3", "南社区", null}}) {
            jdbc.update("INSERT INTO community(code, name, area_code, lat, lon, email) VALUES (?, ?, 'A-1', 37.6, 120.3, ?)",
                    c[0], c[1], c[2]);
        }
        jdbc.update("INSERT INTO person(login, name, email, role, unit_type, unit_code) VALUES "
                + "('sec3', '南社区书记', 'sec3@community', 'community-secretary', 'COMMUNITY', 'C-3'), "
                + "('urban', '城管局科员', 'urban@person', 'department', 'DEPT', 'urban'), "
                + "('center', '中心科员', 'center@person', 'city-center', NULL, NULL)");
        org.thymeleaf.spring6.SpringTemplateEngine templates = new org.thymeleaf.spring6.SpringTemplateEngine();
        org.thymeleaf.templateresolver.ClassLoaderTemplateResolver resolver = new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
        Directory directory = new Directory(jdbc);
        return new ResourceSubmissions(jdbc, list, directory,
                new cn.lianban.notify.Notifier(jdbc, templates, "http://lianban.test", clock), clock, event -> { });
    }

    static ResourceDb h2() {
        return new ResourceDb(new DriverManagerDataSource(
                "jdbc:h2:mem:resource-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    static ResourceDb on(DataSource dataSource) {
        return new ResourceDb(dataSource);
    }

    /** Publishes an item of the month with the given capacity or budget. */
    String publish(YearMonth month, String category, String name, String capacity, String budget) {
        return list.publish(new ResourceList.Draft(month.toString(), category, name, "", "finance", capacity, budget,
                month.atDay(1).toString(), month.atEndOfMonth().toString()));
    }

    /**
     * {@code threads} claims on one item at the same moment, each reserving {@code amount} yuan and
     * {@code places} on its own connection.
     *
     * @return how many reservations the database accepted
     */
    int race(String code, int threads, BigDecimal amount, int places) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return list.reserve(code, amount, places);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> f : outcomes) {
                accepted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }
}
