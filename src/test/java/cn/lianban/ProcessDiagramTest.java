package cn.lianban;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The diagrams of the process models stay readable as they grow: every flow node is drawn, no two shapes overlap
 * (a boundary event on its host and a node inside its subprocess excepted), and no sequence flow runs through a
 * shape that is neither its source nor its target. Several people add blocks to the same model at once.
 */
class ProcessDiagramTest {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    private static final Set<String> NODES = Set.of("startEvent", "endEvent", "userTask", "serviceTask",
            "businessRuleTask", "sendTask", "scriptTask", "callActivity", "subProcess", "exclusiveGateway",
            "parallelGateway", "eventBasedGateway", "inclusiveGateway", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent");

    record Box(double x, double y, double w, double h) {
        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean contains(Box o) {
            return x <= o.x && y <= o.y && x + w >= o.x + o.w && y + h >= o.y + o.h;
        }

        /** Whether an axis-parallel segment passes through the inside (2 px in from the border). */
        boolean crossedBy(double x1, double y1, double x2, double y2) {
            double l = x + 2, t = y + 2, r = x + w - 2, b = y + h - 2;
            if (x1 == x2) {
                return l < x1 && x1 < r && Math.min(y1, y2) < b && Math.max(y1, y2) > t;
            }
            return y1 == y2 && t < y1 && y1 < b && Math.min(x1, x2) < r && Math.max(x1, x2) > l;
        }
    }

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("processes")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyNodeIsDrawnAndNothingOverlaps(Path model) throws Exception {
        Document doc = read(model);
        Map<String, String> kinds = new HashMap<>();
        Map<String, String> hosts = new HashMap<>();
        Set<String> subprocesses = new HashSet<>();
        for (String kind : NODES) {
            NodeList nodes = doc.getElementsByTagNameNS(BPMN, kind);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                kinds.put(e.getAttribute("id"), kind);
                if (kind.equals("boundaryEvent")) {
                    hosts.put(e.getAttribute("id"), e.getAttribute("attachedToRef"));
                }
                if (kind.equals("subProcess")) {
                    subprocesses.add(e.getAttribute("id"));
                }
            }
        }
        Map<String, Box> boxes = shapes(doc);
        assertThat(boxes.keySet()).as("nodes of %s without a shape", model).containsAll(kinds.keySet());

        List<String> overlaps = new ArrayList<>();
        List<String> ids = new ArrayList<>(kinds.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i);
                String b = ids.get(j);
                Box ba = boxes.get(a);
                Box bb = boxes.get(b);
                boolean attached = b.equals(hosts.get(a)) || a.equals(hosts.get(b));
                if (ba.overlaps(bb) && !attached && !ba.contains(bb) && !bb.contains(ba)) {
                    overlaps.add(a + " / " + b);
                }
            }
        }
        assertThat(overlaps).as("shapes of %s that overlap", model).isEmpty();

        List<String> crossings = new ArrayList<>();
        NodeList flows = doc.getElementsByTagNameNS(BPMN, "sequenceFlow");
        Map<String, Element> flowById = new HashMap<>();
        for (int i = 0; i < flows.getLength(); i++) {
            Element f = (Element) flows.item(i);
            flowById.put(f.getAttribute("id"), f);
        }
        NodeList edges = doc.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
        for (int i = 0; i < edges.getLength(); i++) {
            Element edge = (Element) edges.item(i);
            Element flow = flowById.get(edge.getAttribute("bpmnElement"));
            if (flow == null) {
                continue;
            }
            NodeList points = edge.getElementsByTagNameNS(DI, "waypoint");
            for (int p = 0; p + 1 < points.getLength(); p++) {
                Element from = (Element) points.item(p);
                Element to = (Element) points.item(p + 1);
                for (String node : ids) {
                    if (node.equals(flow.getAttribute("sourceRef")) || node.equals(flow.getAttribute("targetRef"))
                            || subprocesses.contains(node)) {
                        continue;
                    }
                    if (boxes.get(node).crossedBy(number(from, "x"), number(from, "y"), number(to, "x"),
                            number(to, "y"))) {
                        crossings.add(flow.getAttribute("id") + " through " + node);
                    }
                }
            }
        }
        assertThat(crossings).as("flows of %s drawn through a shape", model).isEmpty();
    }

    private static Map<String, Box> shapes(Document doc) {
        Map<String, Box> boxes = new HashMap<>();
        NodeList shapes = doc.getElementsByTagNameNS(BPMNDI, "BPMNShape");
        for (int i = 0; i < shapes.getLength(); i++) {
            Element shape = (Element) shapes.item(i);
            Element bounds = (Element) shape.getElementsByTagNameNS(DC, "Bounds").item(0);
            boxes.put(shape.getAttribute("bpmnElement"), new Box(number(bounds, "x"), number(bounds, "y"),
                    number(bounds, "width"), number(bounds, "height")));
        }
        return boxes;
    }

    private static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static Document read(Path model) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(model.toFile());
    }
}
