package cn.lianban.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;
import cn.lianban.support.TicketDriver;

/**
 * Process variables of type Object are checked against the engine's deserialization allow-list: Camunda REST
 * refuses a foreign type with 400 and stores nothing, the engine will not deserialize one that got in another way,
 * and everything the project's own processes store as an object passes.
 */
@LianbanTest
class ObjectVariableTypesTest {

    private static final String START = "/engine-rest/process-definition/key/ticket/start";
    private static final List<String> FOREIGN = List.of("java.net.URL", "com.sun.rowset.JdbcRowSetImpl",
            "org.springframework.context.support.ClassPathXmlApplicationContext", "java.util.ArrayList<java.net.URL>");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IssueDriver driver;
    @Autowired
    TicketDriver tickets;

    @Test
    void aStartWithAnObjectOfAForeignTypeIsRefusedAndStartsNothing() {
        for (String type : FOREIGN) {
            long before = runtime.createProcessInstanceQuery().processDefinitionKey("ticket").count();
            Map<String, Object> variables = new LinkedHashMap<>();
            TicketDriver.ticket().forEach((k, v) -> variables.put(k, Map.of("value", v)));
            variables.put("location", object("\"http://example.com/\"", type));

            ResponseEntity<Map> refused = rest.withBasicAuth("secretary", "demo")
                    .postForEntity(START, Map.of("variables", variables), Map.class);

            assertThat(refused.getStatusCode()).as(type).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).containsEntry("type", "InvalidRequestException");
            assertThat((String) refused.getBody().get("message")).contains("location", type);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("ticket").count())
                    .as("no ticket started").isEqualTo(before);
        }
    }

    @Test
    void aListOfTextIsTakenAndAForeignTypeIsNotSetOnAnInstance() {
        ProcessInstance pi = tickets.raise();
        String variable = "/engine-rest/process-instance/" + pi.getId() + "/variables/";

        ResponseEntity<String> list = rest.withBasicAuth("admin", "demo").exchange(variable + "checkedBy", HttpMethod.PUT,
                new HttpEntity<>(object("[\"网格员甲\",\"网格员乙\"]", "java.util.ArrayList<java.lang.String>")), String.class);
        assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtime.getVariable(pi.getId(), "checkedBy")).isEqualTo(List.of("网格员甲", "网格员乙"));

        ResponseEntity<Map> url = rest.withBasicAuth("admin", "demo").exchange(variable + "link", HttpMethod.PUT,
                new HttpEntity<>(object("\"http://example.com/\"", "java.net.URL")), Map.class);
        assertThat(url.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(runtime.getVariable(pi.getId(), "link")).as("nothing stored").isNull();
    }

    @Test
    void theEngineWillNotDeserializeAForeignTypeThatGotInAnotherWay() {
        ProcessInstance pi = tickets.raise();
        runtime.setVariable(pi.getId(), "sneaked", Variables.serializedObjectValue("\"http://example.com/\"")
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).objectTypeName("java.net.URL").create());

        assertThatThrownBy(() -> runtime.getVariable(pi.getId(), "sneaked"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("java.net.URL");
    }

    @Test
    void everyObjectTheProcessesStoreIsOnTheAllowList() {
        ProcessInstance issue = driver.walkYellowCaseToClosure();
        ProcessInstance ticket = tickets.raise();
        driver.complete(ticket, "accept", "accepted", true);
        driver.complete(ticket, "resolve", "result", "已处理");

        List<String> types = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(issue.getId(), ticket.getId()).disableCustomObjectDeserialization().list().stream()
                .map(HistoricVariableInstance::getTypedValue).filter(ObjectValue.class::isInstance)
                .map(v -> ((ObjectValue) v).getObjectTypeName()).distinct().toList();
        assertThat(types).as("the meeting's co-departments at least").isNotEmpty();
        assertThat(types).allSatisfy(type -> {
            for (String name : type.split("[<>,\\s]+")) {
                assertThat(engine.getProcessEngineConfiguration().getDeserializationTypeValidator().validate(name))
                        .as("%s (in %s) is on the allow-list", name, type).isTrue();
            }
        });
        // and they read back
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(issue.getId())
                .variableName("coDepts").singleResult().getValue()).isEqualTo(List.of("urban"));
    }

    private static Map<String, Object> object(String json, String type) {
        return Map.of("type", "Object", "value", json, "valueInfo",
                Map.of("objectTypeName", type, "serializationDataFormat", "application/json"));
    }
}
