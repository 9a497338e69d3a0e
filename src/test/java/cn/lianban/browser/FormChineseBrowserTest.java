package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.lianban.common.EngineClock;
import cn.lianban.directory.Directory;
import cn.lianban.support.IssueDriver;
import cn.lianban.support.LianbanTest;

/**
 * Camunda Forms in Tasklist speak the browser's language: in a Chinese browser form-js's own texts (validation
 * messages, placeholders, the date picker) are Chinese and the server's refusals show as the Chinese sentence alone
 * where the user looks; an English browser keeps form-js's English. Everything is reached by clicking.
 * Screenshots: target/browser/form-*.png. Skipped when Debian's chromium or chromedriver is not installed.
 */
@LianbanTest
class FormChineseBrowserTest {

    /** form-js's own English, as it writes it. */
    private static final List<String> FORM_JS_ENGLISH = List.of("Field is required", "Field must", "Value is",
            "Select", "Search", "yyyy", "mm/dd", "January", "December", "Sun", "Mon");
    /** Latin words a Chinese form may show: the form-js credit and the case number's prefix. */
    private static final List<String> KEPT_WORDS = List.of("bpmn", "io", "JH", "TK");

    @LocalServerPort
    int port;
    @Autowired
    IssueDriver issues;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Directory directory;

    private Browser browser;
    private Tasklist tasklist;
    private WebDriver web;
    private WebDriverWait wait;

    @Test
    void aCommitteeMemberSeesChineseFormTextsDatePickerAndRefusal() throws Exception {
        ProcessInstance pi = issues.file("title", "会商测试 " + String.valueOf(System.nanoTime() % 100000000),
                "category", "HOUSING", "multiDepartment", true);
        String rate = issues.task(pi, "rate").getId();
        open("zh-CN");
        try {
            tasklist.logIn("committee");
            tasklist.openFilter("本片区待评级");
            tasklist.openTask(rate);
            tasklist.claim();

            tasklist.complete();
            WebElement required = wait.until(ExpectedConditions.visibilityOfElementLocated(errorOf("rate_color")));
            browser.save("form-zh-required");
            assertThat(required.getText()).isEqualTo("此项为必填项");
            assertThat(englishIn(form())).as("English in the Chinese form").isEmpty();
            assertThat(pageText()).doesNotContain(FORM_JS_ENGLISH);

            tasklist.click(Tasklist.radio("rate_color", "黄色（需协调）"));
            tasklist.complete();
            wait.until(d -> tasks.createTaskQuery().taskId(rate).count() == 0);
            issues.scheduleMeeting(pi);

            String meet = issues.task(pi, "meet").getId();
            tasklist.openFilter("本级待会商");
            tasklist.openTask(meet);
            tasklist.claim();

            // the lead department comes proposed from the filing; co-departments are searched
            assertThat(field("meet_leadDept").getAttribute("value")).isEqualTo("住房和城乡建设局");
            assertThat(field("meet_coDepts").getAttribute("placeholder")).isEqualTo("搜索");
            fill("meet_minutes", "住建局牵头，城管局配合");
            tasklist.click(By.cssSelector("input[id$='-meet_attended']"));
            tasklist.click(By.xpath(
                    "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='住房和城乡建设局']"));

            WebElement deadline = field("meet_deadline-date");
            assertThat(deadline.getAttribute("placeholder")).isEqualTo("年-月-日");
            deadline.click();
            WebElement calendar = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".flatpickr-calendar.open")));
            browser.save("form-zh-date-picker");
            String month = calendar.findElement(By.cssSelector(".flatpickr-monthDropdown-months option:checked"))
                    .getText();
            assertThat(month).matches("[一二三四五六七八九十]+月");
            assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream().map(WebElement::getText))
                    .containsExactly("周一", "周二", "周三", "周四", "周五", "周六", "周日");
            assertThat(calendar.getText()).doesNotContain("Sun", "Mon", "January", "December");

            LocalDate tooLate = EngineClock.now().toLocalDate().plusYears(1);
            deadline.sendKeys(tooLate.toString(), Keys.TAB);
            assertThat(deadline.getAttribute("value")).isEqualTo(tooLate.toString());
            assertThat(englishIn(form())).as("English in the Chinese meeting form").isEmpty();
            tasklist.complete();

            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//div[contains(@class,'alert-danger')][contains(.,'办理期限不能晚于本级时限')]")));
            browser.save("form-zh-refused");
            assertThat(refusal.getText()).doesNotContain("ENGINE", "Cannot", "Exception", meet)
                    .doesNotContainPattern("[A-Za-z]{3,}");
            assertThat(inView(refusal)).as("the refusal is in view").isTrue();
            assertThat(tasks.createTaskQuery().taskId(meet).count()).as("the meeting task stays open").isOne();
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed("form-zh-failure", e);
        }
    }

    @Test
    void aSecretarySeesARefusedStartBesideTheStartButtonAndTheCaseNumberOfTheFiledOne() throws Exception {
        String title = "提报测试 " + String.valueOf(System.nanoTime() % 100000000);
        open("zh-CN");
        try {
            tasklist.logIn("secretary");
            tasklist.startProcess("五级三色联席汇办");
            fill("start_title", title);
            fill("start_description", "3号楼前路灯不亮");
            choose("start_category", "公共设施");
            fill("start_households", "5");
            WebElement community = field("start_communityCode");
            community.sendKeys("dl01", Keys.TAB);
            WebElement pattern = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    errorOf("start_communityCode")));
            browser.save("form-zh-start-pattern");
            assertThat(pattern.getText()).isEqualTo("格式不正确");

            retype(community, "C-XJ-01");
            start();
            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//div[contains(@class,'modal')]//div[contains(@class,'alert-danger')][contains(.,'只能为本社区提报')]")));
            browser.save("form-zh-start-refused");
            assertThat(refusal.getText()).doesNotContain("Cannot", "ENGINE", "joint-handling:")
                    .contains(directory.community("C-XJ-01").orElseThrow().name());
            assertThat(inView(refusal)).as("the refusal is in view").isTrue();
            assertThat(refusal.getLocation().getY()).as("below the form, beside the start button")
                    .isGreaterThan(form().getLocation().getY() + form().getSize().getHeight() - 1);

            retype(community, "C-DL-01");
            start();
            WebElement filed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//div[contains(@class,'alert-success')][contains(.,'已提报')]")));
            browser.save("form-zh-filed");
            String businessKey = runtime.createProcessInstanceQuery().processDefinitionKey("joint-handling")
                    .variableValueEquals("title", title).singleResult().getBusinessKey();
            assertThat(filed.getText()).contains("编号 " + businessKey);
            assertThat(inView(filed)).isTrue();
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed("form-zh-start-failure", e);
        }
    }

    @Test
    void anEnglishBrowserKeepsTheEnglishOfFormJs() throws Exception {
        ProcessInstance pi = issues.file("category", "HOUSING", "multiDepartment", true);
        String rate = issues.task(pi, "rate").getId();
        open("en-US");
        try {
            tasklist.logIn("committee");
            tasklist.openFilter("本片区待评级");
            tasklist.openTask(rate);
            tasklist.claim();
            tasklist.complete();
            WebElement required = wait.until(ExpectedConditions.visibilityOfElementLocated(errorOf("rate_color")));
            browser.save("form-en-required");
            assertThat(required.getText()).isEqualTo("Field is required.");
        } catch (RuntimeException | AssertionError e) {
            throw browser.failed("form-en-failure", e);
        }
    }

    private void open(String language) throws java.io.IOException {
        Browser.assumeInstalled(getClass().getSimpleName());
        browser = Browser.shared(language, "http://localhost:" + port);
        tasklist = new Tasklist(browser, "http://localhost:" + port);
        web = tasklist.web;
        wait = tasklist.wait;
    }

    private void start() {
        tasklist.click(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
    }

    /** The rendered Camunda Form (form-js root). */
    private WebElement form() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }

    /** A form-js input, textarea or select input, found by its component id, scrolled into the middle. */
    private WebElement field(String componentId) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "input[id$='-" + componentId + "'], textarea[id$='-" + componentId + "']")));
        ((JavascriptExecutor) web).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        return wait.until(ExpectedConditions.elementToBeClickable(field));
    }

    /**
     * Types into a form-js field and leaves it. form-js takes typed text into the form's data 300 ms late, or at
     * once when the field loses focus; a re-render in between (another field changed) would put back the old value.
     */
    private void fill(String componentId, String text) {
        field(componentId).sendKeys(text, Keys.TAB);
    }

    /** Replaces a field's text as a user does; form-js takes no notice of Selenium's clear(). */
    private static void retype(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, text, Keys.TAB);
    }

    /**
     * Picks an option of a form-js select that is not searchable. A select reached with the Tab key has opened its
     * list already; a click on it then would close the list again.
     */
    private void choose(String componentId, String label) {
        By option = By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='" + label + "']");
        try {
            new WebDriverWait(web, Duration.ofSeconds(2), Browser.POLL).until(ExpectedConditions.presenceOfElementLocated(option));
        } catch (org.openqa.selenium.TimeoutException closed) {
            tasklist.click(By.cssSelector("[id$='-" + componentId + "-display']"));
        }
        wait.until(ExpectedConditions.elementToBeClickable(option)).click();
    }

    /** The error messages under a form-js field. */
    private static By errorOf(String componentId) {
        return By.cssSelector("[id$='-" + componentId + "-error-message']");
    }

    private String pageText() {
        return web.findElement(By.tagName("body")).getText();
    }

    /** Latin words in a form's text, placeholders and titles, except the form-js credit. */
    @SuppressWarnings("unchecked")
    private List<String> englishIn(WebElement form) {
        List<String> words = (List<String>) ((JavascriptExecutor) web).executeScript("""
                const root = arguments[0];
                const texts = [root.innerText];
                root.querySelectorAll('[placeholder],[title],[aria-label]').forEach(e =>
                    ['placeholder', 'title', 'aria-label'].forEach(a => e.hasAttribute(a) && texts.push(e.getAttribute(a))));
                return texts.join(' ').match(/[A-Za-z]{2,}/g) || [];
                """, form);
        return words.stream().filter(w -> !KEPT_WORDS.contains(w)).toList();
    }

    /** Whether the element is wholly inside the browser window. */
    private boolean inView(WebElement element) {
        return (Boolean) ((JavascriptExecutor) web).executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return r.height > 0 && r.top >= 0 && r.left >= 0
                    && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
                """, element);
    }
}
