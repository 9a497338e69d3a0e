package cn.lianban.pairing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.lianban.pairing.PairingWorkbook.Content;
import cn.lianban.workbook.Uploads;
import cn.lianban.workbook.Workbooks.Problem;

/**
 * 双联双促导入 (/admin/pairing): agencies, pairings and agency members as Excel, uploaded, checked in full with a
 * per-row report, and applied only when the administrator confirms. Access to /admin/** (the admin group only) is
 * configured with the rest of security.
 */
@Controller
@RequestMapping("/admin/pairing")
class PairingImportController {

    private static final String VIEW = "admin/pairing";
    private static final String WAITING = PairingImportController.class.getName() + ".waiting";

    private final PairingImport imports;

    PairingImportController(PairingImport imports) {
        this.imports = imports;
    }

    @GetMapping
    String page() {
        return VIEW;
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        Uploads.download(response, "双联双促模板.xlsx",
                out -> PairingWorkbook.write(new Content(List.of(), List.of(), List.of(), List.of()), out));
    }

    @GetMapping("/export.xlsx")
    void export(HttpServletResponse response) throws IOException {
        Uploads.download(response, "双联双促.xlsx", out -> PairingWorkbook.write(imports.current(), out));
    }

    @PostMapping("/import")
    String check(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要导入的 Excel 文件");
            return VIEW;
        }
        byte[] bytes = file.getBytes();
        Content content = read(bytes, model);
        if (content == null) {
            return VIEW;
        }
        List<Problem> problems = imports.check(content);
        model.addAttribute("problems", problems);
        if (problems.isEmpty()) {
            PairingImport.Plan plan = imports.plan(content);
            model.addAttribute("plan", plan);
            if (!plan.unchanged()) {
                model.addAttribute("token", Uploads.hold(session, WAITING, bytes));
            }
        }
        return VIEW;
    }

    @PostMapping("/import/confirm")
    String apply(@RequestParam String token, HttpSession session, Model model) {
        byte[] waiting = Uploads.take(session, WAITING, token).orElse(null);
        if (waiting == null) {
            model.addAttribute("error", "这份文件已导入或已过期，请重新上传");
            return VIEW;
        }
        Content content = read(waiting, model);
        if (content == null) {
            return VIEW;
        }
        List<Problem> problems = imports.check(content);
        if (!problems.isEmpty()) {
            // the data changed since the report: show the new report, change nothing
            model.addAttribute("problems", problems);
            return VIEW;
        }
        model.addAttribute("result", imports.apply(content));
        return VIEW;
    }

    private static Content read(byte[] bytes, Model model) {
        try {
            return PairingWorkbook.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            model.addAttribute("error", "无法读取这个文件：请上传用下载的模板填写的 Excel（.xlsx）文件");
            return null;
        }
    }
}
