package cn.lianban.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The start form of 社区点单, as built from the categories and the departments offering each this month. */
class CommunityOrderStartFormTest {

    private final CommunityOrderStartForm builder = new CommunityOrderStartForm(null, null, null, null, null);

    @Test
    void offersForTheChosenCategoryTheDepartmentsOfferingIt() throws Exception {
        Map<String, String> categories = new LinkedHashMap<>();
        categories.put("POLICY", "政策支持");
        categories.put("SERVICE", "服务下沉");
        Map<String, List<CommunityOrderStartForm.Option>> offers = new LinkedHashMap<>();
        offers.put("POLICY", List.of(new CommunityOrderStartForm.Option("行政审批服务局（本类默认承办部门）", "approval")));
        offers.put("SERVICE", List.of(new CommunityOrderStartForm.Option("卫生健康局", "health"),
                new CommunityOrderStartForm.Option("城市管理局", "urban")));
        String text = builder.render(categories, offers);
        JsonNode form = new ObjectMapper().readTree(text);

        assertThat(form.path("id").asText()).isEqualTo("community-order-start");
        assertThat(form.findValues("key").stream().map(JsonNode::asText).toList())
                .containsExactly("category", "chosenDept", "need", "amount");
        JsonNode category = form.path("components").get(1);
        assertThat(category.path("values").findValuesAsText("value")).containsExactly("POLICY", "SERVICE");
        assertThat(category.path("values").findValuesAsText("label")).containsExactly("政策支持", "服务下沉");
        JsonNode dept = form.path("components").get(2);
        assertThat(dept.path("label").asText()).isEqualTo("承办部门");
        assertThat(dept.path("validate").path("required").asBoolean()).isTrue();
        assertThat(dept.path("conditional").path("hide").asText()).isEqualTo("=category = null");
        assertThat(dept.path("valuesExpression").asText()).isEqualTo("=if category = \"POLICY\" then "
                + "[{label: \"行政审批服务局（本类默认承办部门）\", value: \"approval\"}] else if category = \"SERVICE\" then "
                + "[{label: \"卫生健康局\", value: \"health\"}, {label: \"城市管理局\", value: \"urban\"}] else []");
        assertThat(form.path("components").get(3).path("validate").path("required").asBoolean()).isTrue();
        assertThat(form.path("components").get(4).path("validate").path("min").asInt(-1)).isZero();
        assertThat(builder.render(categories, offers)).as("the same every time: a restart deploys nothing new")
                .isEqualTo(text);
    }
}
