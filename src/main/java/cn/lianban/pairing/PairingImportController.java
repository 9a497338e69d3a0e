package cn.lianban.pairing;

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
import cn.lianban.workbook.Downloads;
import cn.lianban.workbook.ImportFlow;

/**
 * 双联双促导入 (/admin/pairing): agencies, pairings and agency members as Excel, uploaded, checked in full with a
 * per-row report, and applied only when the administrator confirms ({@link ImportFlow}). Access to /admin/** (the admin group only) is
 * configured with the rest of security.
 */
@Controller
@RequestMapping("/admin/pairing")
class PairingImportController {

    private static final String VIEW = "admin/pairing";
    private final PairingImport imports;
    private final ImportFlow<Content> flow;

    PairingImportController(PairingImport imports) {
        this.imports = imports;
        this.flow = new ImportFlow<>(PairingImportController.class.getName() + ".waiting", PairingWorkbook::read,
                imports::check, imports::plan, imports::apply);
    }

    @GetMapping
    String page() {
        return VIEW;
    }

    @GetMapping("/template.xlsx")
    void template(HttpServletResponse response) throws IOException {
        Downloads.download(response, "双联双促模板.xlsx",
                out -> PairingWorkbook.write(new Content(List.of(), List.of(), List.of(), List.of()), out));
    }

    @GetMapping("/export.xlsx")
    void export(HttpServletResponse response) throws IOException {
        Downloads.download(response, "双联双促.xlsx", out -> PairingWorkbook.write(imports.current(), out));
    }

    @PostMapping("/import")
    String check(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model)
            throws IOException {
        flow.check(file, session, model);
        return VIEW;
    }

    @PostMapping("/import/confirm")
    String apply(@RequestParam String token, HttpSession session, Model model) {
        flow.confirm(token, session, model);
        return VIEW;
    }
}
