package cn.lianban.ticket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.context.event.EventListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.lianban.common.Position;
import cn.lianban.startup.StartupStep;
import cn.lianban.responsibility.ResponsibilityList;
import cn.lianban.responsibility.ResponsibilityListChanged;

/**
 * The start form of a ticket (点单/吹哨) lists the responsibility list's active items, so it is built
 * from the table and deployed as Camunda Form {@code ticket-start}. Deploying the same content again
 * is filtered out; an edited list gives a new form version that new tickets use.
 */
@Order(40)
@Service
class TicketStartForm implements StartupStep {

    static final String FORM_ID = "ticket-start";
    static final String DEPLOYMENT = "ticket-start-form";

    private final ResponsibilityList list;
    private final RepositoryService repository;
    private final ObjectMapper json = new ObjectMapper();

    TicketStartForm(ResponsibilityList list, RepositoryService repository) {
        this.list = list;
        this.repository = repository;
    }

    /**
     * Deploys the form built from the changed list in the transaction that saved the item: both or neither (a
     * failed deployment rolls the save back). New tickets offer the new list; running tickets keep the department
     * and time limit copied into their variables at dispatch.
     */
    @EventListener
    void listChanged(ResponsibilityListChanged change) {
        deploy();
    }

    @Override
    public void run() {
        deploy();
    }

    void deploy() {
        repository.createDeployment().name(DEPLOYMENT).enableDuplicateFiltering(true)
                .addString(FORM_ID + ".form", render()).deploy();
    }

    String render() {
        Map<String, String> categories = new LinkedHashMap<>();
        list.categories().forEach(c -> categories.put(c.code(), c.name()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ResponsibilityList.ResponsibilityItem item : list.search(null, null)) {
            if (item.active()) {
                items.add(ordered("value", item.code(), "label",
                        categories.getOrDefault(item.category(), item.category()) + " · " + item.name() + "（" + item.code() + "）"));
            }
        }
        TicketVariables.StartFields fields = TicketVariables.START_FIELDS;
        List<Map<String, Object>> components = List.of(
                component("text", "intro", null, ordered("text",
                        "### 点单 / 吹哨\n社区、网格发现的问题在此点单。系统按权责清单派给承办部门，部门 24 小时内接单；"
                                + "清单外的问题由街道协调派单。")),
                component("select", fields.itemCode(), "权责清单事项", ordered("searchable", true, "values", items,
                        "description", "可输入类别或关键词搜索，如“市容”“路灯”；不确定时留空，由街道派单")),
                component("textarea", fields.description(), "问题描述", ordered("validate",
                        ordered("required", true, "maxLength", TicketService.MAX_DESCRIPTION))),
                // the unit comes from the login when left empty (RaisingUnit); the server checks what is typed
                component("textfield", fields.communityCode(), "社区编码（可选）", ordered("description",
                        "留空即按您的账号填写：社区书记为本社区，网格员为所在网格的社区。只能为本社区点单")),
                component("textfield", fields.gridCode(), "网格编码（可选）", ordered("description",
                        "网格员留空即为本网格；社区书记可填本社区网格的编码")),
                component("number", fields.memberId(), "下沉机关党员编号（可选）", ordered("decimalDigits", 0,
                        "description", "机关党员在下沉网格吹哨时填写")),
                component("textfield", fields.location(), "具体位置（可选）", ordered("validate",
                        ordered("maxLength", TicketService.MAX_LOCATION))),
                // the phone page fills these from the phone's position; the server checks both or neither
                component("number", fields.lat(), "纬度（可选）", ordered("decimalDigits", 6, "description",
                        "手机定位的纬度，如 37.64；经纬度须同时填写，或都不填", "validate", ordered("min", Position.MIN_LAT, "max", Position.MAX_LAT))),
                component("number", fields.lon(), "经度（可选）", ordered("decimalDigits", 6, "description",
                        "手机定位的经度，如 120.33", "validate", ordered("min", Position.MIN_LON, "max", Position.MAX_LON))),
                // checked again on the server (TicketService) as the SMS outbox reads numbers
                component("textfield", fields.reporterPhone(), "反映人手机（选填，用于短信告知进展）", ordered(
                        "description", "群众反映的问题填其手机号：每次进展短信告知，回访时短信邀请其本人评价",
                        "validate", ordered("maxLength", 20, "pattern", "^[0-9+\\-() ]*$"))));
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("schemaVersion", 16);
        form.put("type", "default");
        form.put("id", FORM_ID);
        form.put("components", components);
        form.put("exporter", ordered("name", "lianban", "version", "1"));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Map.of has no stable order; the JSON must be byte-identical across restarts for duplicate filtering. */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> component(String type, String key, String label, Map<String, Object> more) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("id", "start_" + key);
        if (label != null) {
            c.put("key", key);
            c.put("label", label);
        }
        c.putAll(more);
        return c;
    }
}
