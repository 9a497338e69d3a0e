package cn.lianban.open311;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The two answer formats of GeoReport v2, chosen by the resource's extension ({@code services.xml}). */
enum Format {

    XML(MediaType.parseMediaType("text/xml; charset=utf-8")),
    JSON(MediaType.parseMediaType("application/json; charset=utf-8"));

    final MediaType contentType;

    Format(MediaType contentType) {
        this.contentType = contentType;
    }

    /** The format named by an extension; anything else is a resource that does not exist (404). */
    static Format of(String extension) {
        if (extension != null) {
            switch (extension.toLowerCase(Locale.ROOT)) {
                case "xml":
                    return XML;
                case "json":
                    return JSON;
                default:
                    break;
            }
        }
        throw new Open311Exception(HttpStatus.NOT_FOUND, "不支持的格式 ." + extension + "，请用 .xml 或 .json");
    }

    /** The format of a request path: .json answers JSON, everything else XML (the format every server offers). */
    static Format ofPath(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : XML;
    }
}
