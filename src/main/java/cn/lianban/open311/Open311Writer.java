package cn.lianban.open311;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes GeoReport v2 answers. The body is built once from ordered maps, {@link Listing}s, strings, numbers,
 * booleans and nulls, then written as JSON (Jackson) or as schemaless XML without namespace (the JDK's StAX
 * writer): a map becomes child elements in order, a listing repeats its element, null becomes an empty element.
 */
@Component
class Open311Writer {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final ObjectMapper json;

    Open311Writer(ObjectMapper json) {
        this.json = json;
    }

    ResponseEntity<byte[]> ok(Format format, String root, Object body) {
        return write(format, HttpStatus.OK, root, body);
    }

    ResponseEntity<byte[]> error(Format format, Open311Exception e) {
        List<Map<String, Object>> errors = e.descriptions().stream().map(d -> Open311Views.map(
                "code", e.status().value(), "description", d)).toList();
        return write(format, e.status(), "errors", new Listing("error", errors));
    }

    ResponseEntity<byte[]> write(Format format, HttpStatus status, String root, Object body) {
        byte[] bytes = format == Format.JSON ? json(body) : xml(root, body);
        return ResponseEntity.status(status).contentType(format.contentType).body(bytes);
    }

    private byte[] json(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write Open311 answer as JSON", e);
        }
    }

    static byte[] xml(String root, Object body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("utf-8", "1.0");
            element(w, root, body);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Open311 answer as XML", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        if (value == null) {
            w.writeEmptyElement(name);
            return;
        }
        w.writeStartElement(name);
        if (value instanceof Listing listing) {
            for (Object item : listing.items()) {
                element(w, listing.element(), item);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> child : map.entrySet()) {
                element(w, child.getKey().toString(), child.getValue());
            }
        } else {
            w.writeCharacters(text(value));
        }
        w.writeEndElement();
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).toPlainString();
        }
        return value.toString();
    }
}
