package cn.lianban.browser;

import static cn.lianban.browser.Tasklist.taskCard;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a phone (390×844, zh-CN): the grid worker follows Tasklist's link to 手机上报, sees its 联席立案 tab (grid workers
 * file joint cases for their grid), finds a list item by typing, describes the problem, gives the resident's mobile,
 * takes the phone's position and adds a photo (2400×1200, made 1600×800 in the browser), files the ticket (the
 * photo's upload fails on a dropped connection and goes through with 重试, the ticket filed once) and sees it in
 * 我的上报 with its status and 时效灯; the page never scrolls sideways and shows no English. The item's department
 * finds the ticket in its Tasklist filter 本部门待接单, claims it, follows the form's link 查看/上传附件（照片） and sees
 * the photo's thumbnail and the phone's position on the case page. Screenshots under target/browser/field-*.
 */
class FieldPageBrowserTest extends ChineseBrowserTest {

    private static final double LAT = 37.6501;
    private static final double LON = 120.3302;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;

    @Test
    void aGridWorkerRaisesATicketWithAPhotoAndPlaceAndTheDepartmentSeesThePhoto() throws Exception {
        Map<String, Object> item = jdbc.queryForMap("SELECT code, name FROM responsibility_item "
                + "WHERE active AND lead_dept = 'urban' ORDER BY code FETCH FIRST 1 ROWS ONLY");
        String itemName = (String) item.get("NAME");
        Path photo = Files.createTempFile("lianban-photo-", ".jpg");
        BufferedImage image = new BufferedImage(2400, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, 2400, 1200);
        g.setColor(Color.ORANGE);
        g.fillOval(900, 300, 600, 600);
        g.dispose();
        ImageIO.write(image, "jpg", photo.toFile());

        Tasklist tasklist = new Tasklist(browser, base());
        WebDriver web = tasklist.web;
        tasklist.wait.ignoring(StaleElementReferenceException.class);
        ChromeDriver chrome = (ChromeDriver) web;
        try {
            // the grid worker lands in Tasklist, whose menu leads to the phone page
            browser.logIn(base(), "gridworker", "demo");
            tasklist.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".lianban-field a"))).click();
            tasklist.wait.until(ExpectedConditions.urlToBe(base() + "/m"));
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                    "deviceScaleFactor", 2, "mobile", true));
            chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base(),
                    "permissions", List.of("geolocation")));
            chrome.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LAT, "longitude", LON,
                    "accuracy", 12));
            web.navigate().refresh();
            // the grid worker may file a joint case too, for his grid
            tasklist.wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-case"))).click();
            tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("caseTitle")));
            assertThat(web.findElement(By.id("caseForm")).getText()).contains("事项标题", "问题类别", "受影响户数");
            assertPhoneSized(web);
            browser.save("field-case-form");
            web.findElement(By.id("tab-ticket")).click();
            tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("itemSearch")))
                    .sendKeys(itemName.substring(0, Math.min(2, itemName.length())));
            tasklist.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//ul[@id='itemMatches']//button[contains(normalize-space(.),'" + itemName + "')]"))).click();
            assertThat(web.findElement(By.id("itemChosen")).getText()).contains("已选", itemName);
            web.findElement(By.id("ticketDescription")).sendKeys("路口设施损坏，夜间行人容易绊倒");
            assertThat(web.findElement(By.cssSelector("label[for=ticketReporterPhone]")).getText())
                    .isEqualTo("反映人手机（选填，用于短信告知进展）");
            web.findElement(By.id("ticketReporterPhone")).sendKeys("13800001234");
            web.findElement(By.id("ticketLocation")).sendKeys("金沙东路与海港路路口");
            web.findElement(By.id("ticketLocate")).click();
            tasklist.wait.until(d -> d.findElement(By.id("ticketPosition")).getText().contains("已定位"));
            String map = web.findElement(By.id("ticketMap")).getAttribute("href");
            // the map link is in GCJ-02: a few hundred metres off the WGS-84 point in China
            assertThat(map).startsWith("https://uri.amap.com/marker?position=").doesNotContain(String.valueOf(LON));
            web.findElement(By.id("ticketPhotos")).sendKeys(photo.toAbsolutePath().toString());
            tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ticketPhotoList img")));
            assertPhoneSized(web);
            browser.save("field-ticket-form");

            // the connection drops while the photo travels: the ticket is filed, the photo waits for 重试
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/attachments")));
            web.findElement(By.id("ticketSubmit")).click();
            tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticketDone")));
            tasklist.wait.until(d -> d.findElement(By.id("ticketPhotoList")).getText().contains("重试"));
            assertThat(web.findElement(By.id("ticketPhotoList")).getText()).contains("网络中断，上传失败");
            assertThat(web.findElement(By.id("ticketDone")).getText()).contains("1 张未上传");
            browser.save("field-photo-failed");
            chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            web.findElement(By.xpath("//ul[@id='ticketPhotoList']//button[.='重试']")).click();
            tasklist.wait.until(d -> d.findElement(By.id("ticketPhotoList")).getText().contains("已上传"));
            String done = web.findElement(By.id("ticketDone")).getText();
            assertThat(done).contains("已上报，编号 TK-", "照片已全部上传（1 张）");
            assertThat(web.findElement(By.id("ticketSubmit")).isDisplayed()).isFalse();
            String key = web.findElement(By.cssSelector("#ticketDoneText a")).getText();
            assertPhoneSized(web);
            browser.save("field-ticket-filed");

            web.findElement(By.id("tab-mine")).click();
            tasklist.wait.until(d -> d.findElement(By.id("mineList")).getText().contains(key));
            String mine = web.findElement(By.id("mineList")).getText();
            assertThat(mine).contains(itemName, "待接单", "正常", "期限").doesNotContain("ACCEPTING", "GREEN", "T0");
            assertPhoneSized(web);
            browser.save("field-mine");

            // stored: the phone's position as WGS-84, the photo made smaller in the browser
            String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                    .singleResult().getId();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("lat")
                    .singleResult().getValue()).isEqualTo(LAT);
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                    .variableName("reporterPhone").singleResult().getValue()).isEqualTo("13800001234");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_outbox WHERE business_key = ? AND phone = ?",
                    Integer.class, key, "13800001234")).isPositive();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_case WHERE description = ?", Integer.class,
                    "路口设施损坏，夜间行人容易绊倒")).isOne();
            byte[] stored = jdbc.queryForObject("SELECT content FROM case_attachment WHERE business_key = ?",
                    byte[].class, key);
            BufferedImage shrunk = ImageIO.read(new ByteArrayInputStream(stored));
            assertThat(shrunk.getWidth()).isEqualTo(1600);
            assertThat(shrunk.getHeight()).isEqualTo(800);

            // the department: its own filter in Tasklist; the task's form links to the case's photos
            long photoId = jdbc.queryForObject("SELECT id FROM case_attachment WHERE business_key = ?", Long.class, key);
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            String taskId = tasks.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("accept")
                    .singleResult().getId();
            tasklist.logIn("urban");
            tasklist.openFilter("本部门待接单");
            tasklist.wait.until(d -> d.findElement(taskCard(taskId)).getText().contains(key));
            tasklist.openTask(taskId);
            tasklist.wait.until(d -> d.findElements(By.cssSelector(".fjs-form")).stream()
                    .anyMatch(f -> f.getText().contains(key)));
            assertThat(web.findElements(By.cssSelector(".lianban-field"))).isEmpty();
            // an unclaimed task's form lies under Tasklist's overlay: the department claims it, as to work on it
            tasklist.claim();
            WebElement link = tasklist.wait.until(
                    ExpectedConditions.elementToBeClickable(By.linkText("查看/上传附件（照片）")));
            assertThat(link.getAttribute("href")).endsWith("/cases/" + key + "#attachments");
            browser.save("field-department-task");
            List<String> before = new ArrayList<>(web.getWindowHandles());
            link.click();
            // form-js may open its links in a new tab; a person then looks at that tab
            tasklist.wait.until(d -> d.getWindowHandles().size() > before.size()
                    || d.getCurrentUrl().contains("/cases/") || d.getCurrentUrl().contains("/login"));
            web.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst()
                    .ifPresent(h -> web.switchTo().window(h));
            tasklist.wait.until(d -> d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("/cases/" + key));
            browser.logInWhereAsked("urban", "demo");
            tasklist.wait.until(ExpectedConditions.urlContains("/cases/" + key));
            WebElement thumbnail = tasklist.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#attachments .photos img")));
            assertThat(thumbnail.getAttribute("src")).endsWith("/api/attachments/" + photoId + "/thumbnail");
            tasklist.wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0", thumbnail)).intValue() > 0);
            assertThat(web.findElement(By.id("attachments")).getText()).contains("现场照片1.jpg");
            // the place: the phone's WGS-84 position, and the map link (GCJ-02) for navigation
            String place = web.findElement(By.id("place")).getText();
            assertThat(place).contains("位置", "金沙东路与海港路路口", "北纬 37.65010°，东经 120.33020°");
            WebElement navigate = web.findElement(By.id("mapLink"));
            assertThat(navigate.getText()).contains("高德地图");
            assertThat(navigate.getAttribute("href")).startsWith("https://uri.amap.com/marker?position=")
                    .contains("coordinate=gaode");
            browser.save("field-department-case");
        } catch (RuntimeException | AssertionError e) {
            browser.save("field-failed");
            throw e;
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    /**
     * The page fits the 390 px phone (nothing to scroll sideways), and what it shows is Chinese: no Latin letters
     * but in a ticket's number and a photo's size in KB.
     */
    private static void assertPhoneSized(WebDriver web) {
        JavascriptExecutor js = (JavascriptExecutor) web;
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
                .isLessThanOrEqualTo(390);
        String shown = (String) js.executeScript("return document.body.innerText");
        assertThat(shown.replaceAll("(TK|JH)-\\d{4}-\\d{6}", "").replaceAll("\\d+ KB", ""))
                .doesNotContainPattern("[A-Za-z]");
    }
}
