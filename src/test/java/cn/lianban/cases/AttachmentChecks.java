package cn.lianban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.lianban.common.EngineClock;

/**
 * Attachments through HTTP as people use them, on whichever database the application runs: {@link AttachmentsTest}
 * on H2, {@code issue/PostgresFullPathTest} on PostgreSQL. {@code ticket} is a ticket of community A's first grid
 * waiting for 城管局 (urban) to accept it.
 */
public final class AttachmentChecks {

    private static final Pattern CSRF_IN_ACTION = Pattern.compile("attachments\\?_csrf=([^\"&]+)\"");
    /** Those with a task on a ticket of community A, or its case: grid, community, area, street, department. */
    private static final List<String> WITH_A_TASK = List.of("gridworker", "secretary", "committee", "street", "urban");

    private final TestRestTemplate rest;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public AttachmentChecks(TestRestTemplate rest, JdbcTemplate jdbc) {
        this.rest = rest;
        this.jdbc = jdbc;
    }

    /** Every check, for a database where one test does them all. */
    public void all(String ticket, String jointCase) throws IOException {
        photosAreServedWithoutTheirPlaceAndAsThumbnails(ticket);
        filesStoredBeforeStrippingAreStrippedAsServed(ticket);
        tooLargeAndDisguisedFilesAreRefused(ticket);
        otherUnitsAreToldTheFileDoesNotExist(ticket);
        everyoneWithATaskUploadsFromTheCasePage(ticket);
        theCaseListExportCountsAttachments(jointCase);
    }

    void photosAreServedWithoutTheirPlaceAndAsThumbnails(String ticket) throws IOException {
        byte[] photo = Photos.jpegWithGps(1200, 800, 6);
        JsonNode added = created(post("gridworker", ticket, "现场.jpg", photo));
        assertThat(added.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(added.get("size").asLong()).as("stored without its metadata").isLessThan(photo.length);

        ResponseEntity<byte[]> served = bytes("urban", "/api/attachments/" + added.get("id").asLong());
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(served.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(served.getHeaders().getCacheControl()).contains("private").doesNotContain("public");
        assertThat(Photos.tellsThePlace(served.getBody())).isFalse();
        assertThat(ImageMetadata.orientation(served.getBody())).as("still shown upright").isEqualTo(6);
        assertThat(picture(served.getBody()).getWidth()).isEqualTo(1200);

        ResponseEntity<byte[]> thumb = bytes("urban", "/api/attachments/" + added.get("id").asLong() + "/thumbnail");
        assertThat(thumb.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(thumb.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(thumb.getHeaders().getCacheControl()).contains("private");
        BufferedImage small = picture(thumb.getBody());
        assertThat(List.of(small.getWidth(), small.getHeight())).containsExactly(160, 240);

        // a PNG named .pdf is a PNG, and loses its text chunks too
        JsonNode png = created(post("gridworker", ticket, "照片.pdf", Photos.pngWithGps(600, 300)));
        assertThat(png.get("contentType").asText()).isEqualTo("image/png");
        ResponseEntity<byte[]> pngServed = bytes("secretary", "/api/attachments/" + png.get("id").asLong());
        assertThat(pngServed.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(Photos.tellsThePlace(pngServed.getBody())).isFalse();
        ResponseEntity<byte[]> pngThumb = bytes("secretary", "/api/attachments/" + png.get("id").asLong() + "/thumbnail");
        assertThat(pngThumb.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(picture(pngThumb.getBody()).getWidth()).isEqualTo(240);

        // the case page shows photos as thumbnails opening the picture, other files by name and size in words
        JsonNode pdf = created(post("urban", ticket, "说明.pdf", "%PDF-1.7 说明".getBytes(StandardCharsets.UTF_8)));
        assertThat(bytes("urban", "/api/attachments/" + pdf.get("id").asLong() + "/thumbnail").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        String page = rest.withBasicAuth("urban", "demo").getForObject("/cases/" + ticket, String.class);
        assertThat(page).contains("id=\"attachments\"")
                .contains("src=\"/api/attachments/" + added.get("id").asLong() + "/thumbnail\"")
                .contains("href=\"/api/attachments/" + added.get("id").asLong() + "\"")
                .contains("href=\"/api/attachments/" + pdf.get("id").asLong() + "\"")
                .contains("（" + (pdf.get("size").asLong()) + " 字节）")
                .doesNotContain("/api/attachments/" + pdf.get("id").asLong() + "/thumbnail");
    }

    /** Rows stored before uploads were stripped still carry the position; what is served does not. */
    void filesStoredBeforeStrippingAreStrippedAsServed(String ticket) {
        byte[] old = Photos.jpegWithGps(64, 64, 1);
        jdbc.update("INSERT INTO case_attachment(business_key, name, content_type, size_bytes, content, uploaded_by, "
                + "uploaded_at) VALUES (?,?,?,?,?,?,?)", ticket, "旧照片.jpg", "image/jpeg", (long) old.length, old,
                "gridworker", Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("SELECT MAX(id) FROM case_attachment WHERE business_key = ?", Long.class, ticket);
        byte[] served = bytes("secretary", "/api/attachments/" + id).getBody();
        assertThat(Photos.tellsThePlace(served)).isFalse();
        assertThat(served.length).isLessThan(old.length);
        assertThat(Photos.tellsThePlace(bytes("secretary", "/api/attachments/" + id + "/thumbnail").getBody()))
                .isFalse();
    }

    void tooLargeAndDisguisedFilesAreRefused(String ticket) throws IOException {
        byte[] huge = Arrays.copyOf(Photos.picture(8, 8, "jpeg"), 10 * 1024 * 1024 + 1);
        ResponseEntity<String> tooLarge = post("gridworker", ticket, "大图.jpg", huge);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(json.readTree(tooLarge.getBody()).get("message").asText()).isEqualTo("附件不能超过 10 MB");
        byte[] exe = Arrays.copyOf(new byte[]{'M', 'Z', (byte) 0x90, 0, 3}, 512);
        ResponseEntity<String> renamed = post("gridworker", ticket, "照片.jpg", exe);
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json.readTree(renamed.getBody()).get("error").asText()).isEqualTo("unsupported_type");
        assertThat(names(ticket)).doesNotContain("大图.jpg", "照片.jpg");
    }

    void otherUnitsAreToldTheFileDoesNotExist(String ticket) throws IOException {
        long id = created(post("secretary", ticket, "门口.jpg", Photos.jpegWithGps(32, 32, 1))).get("id").asLong();
        ResponseEntity<String> none = rest.withBasicAuth("secretary2", "demo")
                .getForEntity("/api/attachments/999999999", String.class);
        for (String other : List.of("secretary2", "housing")) {
            for (String path : List.of("/api/attachments/" + id, "/api/attachments/" + id + "/thumbnail")) {
                ResponseEntity<String> answer = rest.withBasicAuth(other, "demo").getForEntity(path, String.class);
                assertThat(answer.getStatusCode()).as(other + " " + path).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(answer.getBody()).isEqualTo(none.getBody().replace("999999999", String.valueOf(id)));
            }
        }
        assertThat(rest.getForEntity("/api/attachments/" + id + "/thumbnail", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The case page's upload form, which every task form links, takes files from everyone with a task on the case. */
    void everyoneWithATaskUploadsFromTheCasePage(String ticket) throws IOException {
        for (String user : WITH_A_TASK) {
            TestRestTemplate browser = rest.withBasicAuth(user, "demo").withRedirects(Redirects.DONT_FOLLOW);
            ResponseEntity<String> page = browser.getForEntity("/cases/" + ticket, String.class);
            Matcher token = CSRF_IN_ACTION.matcher(page.getBody());
            assertThat(token.find()).as(user + " sees the upload form").isTrue();
            String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
            ResponseEntity<String> done = browser.exchange("/cases/" + ticket + "/attachments?_csrf=" + token.group(1),
                    HttpMethod.POST, multipart(user + ".jpg", Photos.jpegWithGps(24, 24, 1),
                            cookie == null ? null : cookie.split(";")[0]), String.class);
            assertThat(done.getHeaders().getLocation().toString()).as(user).endsWith("/cases/" + ticket + "?uploaded");
        }
        assertThat(names(ticket)).containsAll(WITH_A_TASK.stream().map(u -> u + ".jpg").toList());
    }

    /** {@code jointCase} is a joint-handling case of community A filed this month. */
    void theCaseListExportCountsAttachments(String jointCase) throws IOException {
        for (String name : List.of("甲.pdf", "乙.pdf")) {
            created(post("secretary", jointCase, name, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        }
        YearMonth month = YearMonth.from(EngineClock.now());
        List<List<String>> rows = new String(rest.withBasicAuth("center", "demo").getForObject(
                "/dashboard/export/cases.csv?month=" + month, byte[].class), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").lines().map(l -> List.of(l.split(",", -1))).toList();
        int column = rows.get(0).indexOf("附件数");
        assertThat(column).isPositive();
        assertThat(rows).filteredOn(r -> r.get(0).equals(jointCase)).singleElement()
                .satisfies(r -> assertThat(r.get(column)).isEqualTo("2"));
    }

    /** Uploads a file as {@code user} through the API and returns its id. */
    public long upload(String user, String key, String name, byte[] content) throws IOException {
        return created(post(user, key, name, content)).get("id").asLong();
    }

    /** A JPEG photo as a phone takes it, held upright, with its GPS position. */
    public static byte[] phonePhoto(int width, int height) {
        return Photos.jpegWithGps(width, height, 1);
    }

    private List<String> names(String key) throws IOException {
        JsonNode c = json.readTree(rest.withBasicAuth("secretary", "demo").getForObject("/api/cases/" + key,
                String.class));
        return c.get("attachments").findValuesAsText("name");
    }

    private JsonNode created(ResponseEntity<String> answer) throws IOException {
        assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(answer.getBody());
    }

    private ResponseEntity<String> post(String user, String key, String name, byte[] content) {
        return rest.withBasicAuth(user, "demo").exchange("/api/cases/" + key + "/attachments", HttpMethod.POST,
                multipart(name, content, null), String.class);
    }

    private ResponseEntity<byte[]> bytes(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class);
    }

    private static BufferedImage picture(byte[] content) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(content));
    }

    /** A browser's multipart upload of one file in the field {@code file}, with the session cookie if any. */
    static HttpEntity<MultiValueMap<String, Object>> multipart(String name, byte[] content, String cookie) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        return new HttpEntity<>(body, headers);
    }
}
