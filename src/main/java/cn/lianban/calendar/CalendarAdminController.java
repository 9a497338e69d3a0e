package cn.lianban.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin page for the holiday calendar: list one year's special days, add or change one, delete one.
 * Access control for /admin/** is configured with the rest of security, not here.
 */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private static final String VIEW = "admin/calendar";

    private final WorkingCalendar calendar;
    private final Clock clock;

    CalendarAdminController(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A table row: the day plus its weekday, so the admin sees at once why it is special. */
    public record Row(CalendarDay day, String weekday) {
    }

    /** What the form shows; strings so that a rejected input comes back exactly as typed. */
    public record Form(String date, String kind, String name, String source) {
        static Form empty() {
            return new Form("", CalendarDay.HOLIDAY, "", "");
        }
    }

    @GetMapping
    public String list(@RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String edit,
                       Model model) {
        int y = year != null ? year : thisYear();
        Form form = Form.empty();
        if (edit != null) {
            // pre-fill the form from an existing row ("修改" link); an unknown date just leaves it empty
            form = calendar.days(y).stream()
                    .filter(d -> d.date().toString().equals(edit))
                    .findFirst()
                    .map(d -> new Form(d.date().toString(), d.kind(), d.name(), d.source()))
                    .orElse(form);
        }
        return page(y, form, null, model);
    }

    @PostMapping
    public String save(@RequestParam(required = false) String date,
                       @RequestParam(required = false) String kind,
                       @RequestParam(required = false) String name,
                       @RequestParam(required = false) String source,
                       Model model, RedirectAttributes redirect) {
        Form form = new Form(date, kind, name, source);
        LocalDate day;
        try {
            day = parseDate(date);
            calendar.save(new CalendarDay(day, kind, name, source));
        } catch (IllegalArgumentException e) {
            // nothing was written: validation runs before any SQL
            int year = yearOf(date);
            return page(year, form, e.getMessage(), model);
        }
        redirect.addFlashAttribute("message", "已保存 " + day + "（" + WorkingDays.weekdayName(day) + "）");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    @PostMapping("/{date}/delete")
    public String delete(@PathVariable String date, Model model, RedirectAttributes redirect) {
        LocalDate day;
        try {
            day = parseDate(date);
        } catch (IllegalArgumentException e) {
            return page(thisYear(), Form.empty(), e.getMessage(), model);
        }
        calendar.delete(day);
        redirect.addFlashAttribute("message", "已删除 " + day + "，该日恢复按周一至周五上班计算");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    private String page(int year, Form form, String error, Model model) {
        List<Row> rows = calendar.days(year).stream()
                .map(d -> new Row(d, WorkingDays.weekdayName(d.date())))
                .toList();
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return VIEW;
    }

    private static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("日期（date）不能为空");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("日期（date）格式应为 yyyy-MM-dd，例如 2026-02-16");
        }
    }

    /** The year to show again after a rejected form: the typed date's year if readable, else this year. */
    private int yearOf(String date) {
        try {
            return parseDate(date).getYear();
        } catch (IllegalArgumentException e) {
            return thisYear();
        }
    }

    /** The year in Beijing on the application's clock. */
    private int thisYear() {
        return LocalDate.now(clock.withZone(WorkingCalendar.ZONE)).getYear();
    }
}
