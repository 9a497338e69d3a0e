package cn.lianban.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.lianban.common.Grants;
import cn.lianban.directory.Directory;
import cn.lianban.directory.UnitType;
import cn.lianban.startup.StartupStep;

/**
 * The start form of a community order (社区点单) offers, for the category chosen, the departments whose items of
 * that category are on this month's published list (else the category's own department), so it is built from the
 * tables and deployed as Camunda Form {@code community-order-start}: at startup, whenever a month is published, and
 * on the first of each month. The same content again is filtered out. {@link CommunityOrders} checks the choice
 * again at registration, so a form built a moment before a change never lets a wrong department through.
 */
@Order(55)
@Service
class CommunityOrderStartForm implements StartupStep {

    static final String FORM_ID = "community-order-start";
    static final String DEPLOYMENT = "community-order-start-form";

    private final ResourceList list;
    private final CommunityOrders orders;
    private final Directory directory;
    private final RepositoryService repository;
    private final Grants grants;
    private final ObjectMapper json = new ObjectMapper();

    CommunityOrderStartForm(ResourceList list, CommunityOrders orders, Directory directory,
                            RepositoryService repository, Grants grants) {
        this.list = list;
        this.orders = orders;
        this.directory = directory;
        this.repository = repository;
        this.grants = grants;
    }

    @Override
    public void run() {
        deploy();
    }

    /** In the publishing's transaction: the list and the form that offers its departments, both or neither. */
    @EventListener
    void published(ResourceListPublished event) {
        deploy();
    }

    /** A new month has its own list; five minutes past midnight, Beijing time. */
    @Scheduled(cron = "0 5 0 1 * *", zone = "Asia/Shanghai")
    void newMonth() {
        deploy();
    }

    /** As the system: the city center who publishes may not deploy anything of its own. */
    void deploy() {
        String form = render();
        grants.asSystem(() -> repository.createDeployment().name(DEPLOYMENT).enableDuplicateFiltering(true)
                .addString(FORM_ID + ".form", form).deploy());
    }

    String render() {
        Map<String, List<Option>> offers = new LinkedHashMap<>();
        list.categories().keySet().forEach(category -> {
            CommunityOrders.Offering offering = orders.offering(category);
            offers.put(category, offering.departments().stream().map(code -> new Option(
                    directory.unitName(UnitType.DEPT.group(code)) + (offering.byDefault() ? "（本类默认承办部门）" : ""),
                    code)).toList());
        });
        return render(list.categories(), offers);
    }

    /** The form for these categories (code → name) and each one's department options. */
    String render(Map<String, String> categories, Map<String, List<Option>> offers) {
        ObjectNode form = json.createObjectNode().put("schemaVersion", 16).put("type", "default").put("id", FORM_ID);
        ArrayNode components = form.putArray("components");
        components.addObject().put("type", "text").put("id", "start_intro").put("text",
                "### 社区点单\n\n资源清单以外的需求在此点单。选择资源类别后，从本月资源清单中提供该类资源的部门里选择承办部门"
                        + "（本月无部门提供的，为该类别的默认承办部门）；部门须在24小时内接单，不接单或超时未接单的，"
                        + "由市城市党建服务中心改派。");
        ObjectNode category = field(components, "select", "category", "资源类别");
        ArrayNode values = category.putArray("values");
        categories.forEach((code, name) -> values.addObject().put("label", name).put("value", code));
        category.putObject("validate").put("required", true);
        ObjectNode dept = field(components, "select", "chosenDept", "承办部门")
                .put("description", "本月资源清单中提供该类资源的部门").put("valuesExpression", "=" + options(offers));
        dept.putObject("conditional").put("hide", "=category = null");
        dept.putObject("validate").put("required", true);
        field(components, "textarea", "need", "需求说明").put("description", "写明需求、涉及群众和希望部门提供的支持")
                .putObject("validate").put("required", true).put("maxLength", ResourceList.TEXT_MAX);
        field(components, "number", "amount", "所需金额（元）").put("decimalDigits", 0)
                .put("description", "资金倾斜类必填，整数元；其他类别可不填").putObject("validate").put("min", 0);
        form.putObject("exporter").put("name", "lianban").put("version", "1");
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode field(ArrayNode components, String type, String key, String label) {
        return components.addObject().put("type", type).put("id", "start_" + key).put("key", key).put("label", label);
    }

    /** A FEEL expression choosing the options by the category field: {@code if category = "POLICY" then [...] else ...}. */
    private static String options(Map<String, List<Option>> offers) {
        StringBuilder feel = new StringBuilder();
        offers.forEach((category, options) -> feel.append("if category = ").append(quoted(category)).append(" then [")
                .append(String.join(", ", options.stream().map(o -> "{label: " + quoted(o.label()) + ", value: "
                        + quoted(o.value()) + "}").toList())).append("] else "));
        return feel.append("[]").toString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A department as the form offers it. */
    record Option(String label, String value) {
    }
}
