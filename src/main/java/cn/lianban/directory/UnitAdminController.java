package cn.lianban.directory;

import java.security.Principal;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.lianban.directory.AdminScope.Scope;
import cn.lianban.directory.UnitAdmin.Unit;
import cn.lianban.directory.UnitAdmin.UnitForm;

/**
 * 单位管理 (/admin/units): search, a unit's page with its edit form and 变更记录, and new communities and grids.
 * Administrators and street offices only (the URL rules); what each may see is {@link AdminScope}'s.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminController {

    private final UnitAdmin units;
    private final AdminScope scopes;

    UnitAdminController(UnitAdmin units, AdminScope scopes) {
        this.units = units;
        this.scopes = scopes;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                  Principal user, Model model) {
        Scope scope = scopes.required(user.getName());
        UnitType wanted = type(type);
        model.addAttribute("q", q);
        model.addAttribute("type", wanted);
        model.addAttribute("found", units.search(scope, q, wanted));
        return list(scope, model);
    }

    @PostMapping
    String create(@RequestParam(required = false) String type, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String parent,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String lat,
                  @RequestParam(required = false) String lon, Principal user, Model model,
                  RedirectAttributes redirect) {
        Scope scope = scopes.required(user.getName());
        UnitType kind = type(type);
        try {
            if (kind == null) {
                throw new DirectoryRefusal("请选择新建社区还是网格");
            }
            Unit unit = units.create(scope, user.getName(), kind,
                    new UnitForm(code, name, parent, email, number(lat, "纬度"), number(lon, "经度")));
            redirect.addFlashAttribute("notice", "已新建" + unit.typeName() + "「" + unit.name() + "」");
            return "redirect:" + unit.path();
        } catch (DirectoryRefusal e) {
            model.addAttribute("createError", e.getMessage());
            model.addAttribute("newUnit", new NewUnit(kind, code, name, parent, email, lat, lon));
            model.addAttribute("found", units.search(scope, null, null));
            return list(scope, model);
        }
    }

    /** The create form as it was sent, shown again with its refusal. */
    record NewUnit(UnitType type, String code, String name, String parent, String email, String lat, String lon) {
    }

    private String list(Scope scope, Model model) {
        model.addAttribute("types", units.types(scope));
        model.addAttribute("typeNames", DirectoryWorkbook.SHEETS);
        model.addAttribute("areas", units.parents(scope, UnitType.COMMUNITY));
        model.addAttribute("communities", units.parents(scope, UnitType.GRID));
        model.addAttribute("streetOffice", !scope.wholeCity());
        return "admin/units";
    }

    @GetMapping("/{type}/{code}")
    String unit(@PathVariable String type, @PathVariable String code, Principal user, Model model) {
        Scope scope = scopes.required(user.getName());
        Unit unit = units.get(scope, known(type), code);
        return page(scope, unit, new EditedUnit(unit.name(), unit.parent(), unit.email(), text(unit.lat()),
                text(unit.lon())), model);
    }

    @PostMapping("/{type}/{code}")
    String update(@PathVariable String type, @PathVariable String code,
                  @RequestParam(required = false) String name, @RequestParam(required = false) String parent,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String lat,
                  @RequestParam(required = false) String lon, Principal user, Model model,
                  RedirectAttributes redirect) {
        Scope scope = scopes.required(user.getName());
        Unit unit = units.get(scope, known(type), code);
        try {
            units.update(scope, user.getName(), unit.type(), code,
                    new UnitForm(code, name, parent, email, number(lat, "纬度"), number(lon, "经度")));
            redirect.addFlashAttribute("notice", "已保存");
            return "redirect:" + unit.path();
        } catch (DirectoryRefusal e) {
            model.addAttribute("error", e.getMessage());
            return page(scope, unit, new EditedUnit(name, parent, email, lat, lon), model);
        }
    }

    /** The edit form's values: the unit's own, or what was sent and refused. */
    record EditedUnit(String name, String parent, String email, String lat, String lon) {
    }

    private String page(Scope scope, Unit unit, EditedUnit form, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("form", form);
        model.addAttribute("parents", units.parents(scope, unit.type()));
        model.addAttribute("changes", units.trail(unit.type(), unit.code()));
        return "admin/unit";
    }

    /** A kind of unit from a form or search field; null when none or unknown. */
    private static UnitType type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        try {
            return UnitType.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The kind of unit in a page address: an unknown one is a page that does not exist. */
    private static UnitType known(String type) {
        UnitType known = type(type);
        if (known == null) {
            throw new NotInScope();
        }
        return known;
    }

    private static Double number(String value, String label) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new DirectoryRefusal(label + "应为数字，例如 38.46");
        }
    }

    private static String text(Double value) {
        return value == null ? null : value.toString();
    }
}
