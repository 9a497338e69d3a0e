package cn.lianban.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The addresses in texts to residents: the public pages under {@code lianban.base-url}. */
@Component
public class ResidentUrls {

    private final String baseUrl;

    ResidentUrls(@Value("${lianban.base-url:http://localhost:8080}") String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The rating page of a link's token ({@link ResidentLinks}). */
    public String rating(String token) {
        return baseUrl + "/rate/" + token;
    }

    /** The status page of a ticket. */
    public String status(String businessKey) {
        return baseUrl + "/status/" + businessKey;
    }
}
