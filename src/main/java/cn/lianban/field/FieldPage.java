package cn.lianban.field;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.lianban.directory.IssueCategories;
import cn.lianban.responsibility.ResponsibilityList;

/**
 * The phone page {@code /m} (390 px wide, Chinese, small): raise a ticket or file a case with photos and the
 * phone's position, and 我的上报. The page carries the active items of the responsibility list as hidden choices
 * (a few KB of UTF-8), so searching them costs no request; its script ({@code /js/field.js}) files through {@link FieldApi}, then uploads the photos, made
 * smaller in the browser, to the case, and reads 我的上报 from {@code /api/cases?scope=raised}.
 */
@Controller
class FieldPage {

    private final FieldUser users;
    private final ResponsibilityList list;

    FieldPage(FieldUser users, ResponsibilityList list) {
        this.users = users;
        this.list = list;
    }

    /** A list item as the search shows it: 市容环卫 · 占道经营. */
    record Item(String code, String name, String category) {
    }

    record Category(String code, String name) {
    }

    @GetMapping(FieldUser.PAGE)
    String page(Authentication user, Model model) {
        users.check(user);
        Map<String, String> categories = new LinkedHashMap<>();
        list.categories().forEach(c -> categories.put(c.code(), c.name()));
        List<Item> items = list.search(null, null).stream().filter(ResponsibilityList.ResponsibilityItem::active)
                .map(i -> new Item(i.code(), i.name(), categories.getOrDefault(i.category(), "")))
                .toList();
        model.addAttribute("items", items);
        model.addAttribute("mayFileCase", users.mayFileCase(user));
        model.addAttribute("categories", IssueCategories.NAMES.entrySet().stream()
                .map(e -> new Category(e.getKey(), e.getValue())).toList());
        return "field/m";
    }
}
