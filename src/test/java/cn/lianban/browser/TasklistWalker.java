package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Walks Tasklist as a person does: logs in at the one login page, picks a filter by its name, opens a
 * task by what its card says, claims it, fills the form by the fields' Chinese labels and completes it.
 * Never opens a task by URL. After every step it saves a screenshot and fails on English text that is
 * not a product name.
 */
final class TasklistWalker {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Product names and units that may stay in Latin letters on a Chinese screen. */
    private static final List<String> ALLOWED = List.of("Camunda", "Platform", "Tasklist", "Cockpit", "Admin", "JH", "TK", "RO",
            "lianban", "WGS", "GCJ", "km", "Asia", "Shanghai", "UTC", "GMT", "CST",
            // the file types and the size limit the case page's upload form names
            "JPG", "PNG", "WebP", "PDF", "Word", "Excel", "MB");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    /** 预约号 (B-20261202-422UJU) and 报名号 (S-7KQ2MX9A): random codes people keep and type back, not English. */
    private static final Pattern RESIDENT_CODE = Pattern.compile("\\b(?:B-\\d{8}-[2-9A-Z]{6}|S-[2-9A-Z]{8})\\b");

    private final Browser browser;
    private final Tasklist tasklist;
    private final WebDriver web;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final String flow;
    private int step;
    /** Who is logged in; null before the first login and after a logout. */
    private String user;
    /** What was typed into the open form, by field label. */
    private final Map<String, String> typed = new LinkedHashMap<>();

    TasklistWalker(Browser browser, String baseUrl, String flow) {
        this.browser = browser;
        this.tasklist = new Tasklist(browser, baseUrl);
        this.web = browser.driver;
        this.wait = new WebDriverWait(web, PATIENCE, Browser.POLL);
        this.baseUrl = baseUrl;
        this.flow = flow;
        Browser.clear(Path.of("flows", flow));
    }

    /** Tells test cases apart by digits: Latin letters in a title would count as English on the screen. */
    static String digits() {
        return String.format("%04d", System.nanoTime() % 10000);
    }

    /**
     * Logs out whoever else is logged in (through Tasklist's user menu) and logs in as {@code user} at the one login.
     * A user who is logged in already stays so, as a person going on to her next task does.
     */
    void logInAs(String user) {
        if (user.equals(this.user)) {
            return;
        }
        if (this.user != null) {
            logOut();
        }
        tasklist.logIn(user);
        this.user = user;
        shot("登录-" + user);
    }

    /** Logs out through Tasklist's user menu, as a person switching users does; the one login page follows. */
    void logOut() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-widget-header] li.account > a.dropdown-toggle")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-widget-header] li.logout a"))).click();
        // the browser goes on to the login page meanwhile: a look at the page may be cut short by that navigation
        new WebDriverWait(web, PATIENCE, Browser.POLL).ignoring(WebDriverException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        user = null;
    }

    /** The filter list on the left: a filter's name is its link text. */
    void openFilter(String name) {
        tasklist.openFilter(name);
        shot("筛选-" + name);
    }

    /**
     * Opens the task whose card names {@code caseText} (case number or title) and the task {@code taskName}. A list
     * that Tasklist draws anew just then (after the last task was completed) takes the card away from under the
     * click: the card is found again and clicked again.
     */
    void openTask(String taskName, String caseText) {
        By link = By.xpath(cardXpath(taskName, caseText) + "//h4[contains(@class,'task')]/a");
        new WebDriverWait(web, PATIENCE, Browser.POLL).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement open = d.findElements(link).stream().filter(WebElement::isDisplayed).findFirst()
                            .orElse(null);
                    if (open != null) {
                        open.click();
                    }
                    return open != null;
                });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        shot("任务-" + taskName);
    }

    /**
     * What a task's card shows once its arrow has opened every column the filter lists. Tasklist may draw its list
     * anew meanwhile (a list that refreshes after a start): the new card is closed again, so it is found and opened
     * again, as a person would.
     */
    String card(String taskName, String caseText) {
        By cardBy = By.xpath(cardXpath(taskName, caseText));
        WebElement[] opened = new WebElement[1];
        String text = new WebDriverWait(web, PATIENCE, Browser.POLL).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    WebElement card = d.findElements(cardBy).stream().filter(WebElement::isDisplayed).findFirst()
                            .orElse(null);
                    if (card == null) {
                        return null;
                    }
                    if (!card.findElements(By.cssSelector(".task-card-details.expanded")).isEmpty()) {
                        return card.getText();
                    }
                    if (card.equals(opened[0])) {
                        return null;
                    }
                    List<WebElement> arrow = card.findElements(By.cssSelector("a.glyphicon-menu-down"));
                    if (arrow.isEmpty()) {
                        return card.getText();
                    }
                    arrow.get(0).click();
                    opened[0] = card;
                    return null;
                });
        shot("卡片-" + taskName);
        return text;
    }

    private static String cardXpath(String taskName, String caseText) {
        return "//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h4[contains(@class,'task')]/a[normalize-space(.)='" + taskName + "']]"
                + "[contains(normalize-space(.),'" + caseText + "')]";
    }

    /** Claims the open task when it is not yet the user's (a task assigned to her at once needs no claim). */
    void claim() {
        if (!web.findElements(By.cssSelector("button.claim")).stream().filter(WebElement::isDisplayed).toList()
                .isEmpty()) {
            tasklist.claim();
        }
    }

    /** 启动流程 → the process by its Chinese name; the start form then shows in the dialog. */
    void startProcess(String processName) {
        tasklist.startProcess(processName);
        shot("启动-" + processName);
    }

    /** Submits the start dialog and returns the notification's text (which carries the new case number). */
    String submitStart() {
        WebElement start = readyToSend(By.cssSelector("button[ng-click='startProcessInstance()']"));
        shot("启动-填写");
        start.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'notification') or contains(@class,'alert')][contains(.,'编号')]")));
        String text = note.getText();
        shot("启动-完成");
        return text;
    }

    /** The form's field labelled {@code label}, as form-js lays it out. */
    private WebElement field(String label) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'fjs-form-field')][.//label[contains(@class,'fjs-form-field-label')]"
                        + "[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']]")));
        ((JavascriptExecutor) web).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        return field;
    }

    void type(String label, String text) {
        typed.put(label, text);
        typeInto(label, text);
    }

    /** Types until the field holds the text: a form drawn again just after it opened drops what was typed. */
    private void typeInto(String label, String text) {
        wait.until(d -> {
            WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
            // select what is there (a number field starts at 0) and type over it, as a person does
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
            return text.equals(input.getDomProperty("value"));
        });
    }

    /**
     * Before sending, a person looks over the form: what was typed and is gone is typed again, and a field the
     * form marks empty although it shows the text (a keystroke lost while the form was drawn again) is typed
     * once more, until the button lets the form be sent.
     */
    private WebElement readyToSend(By button) {
        for (int look = 1; ; look++) {
            boolean again = look > 1;
            typed.forEach((label, text) -> {
                WebElement input = field(label).findElement(By.cssSelector("input.fjs-input, textarea"));
                if (!text.equals(input.getDomProperty("value"))
                        || again && "true".equals(input.getDomAttribute("aria-invalid"))) {
                    typeInto(label, text);
                }
            });
            try {
                WebElement ready = new WebDriverWait(web, Duration.ofSeconds(10), Browser.POLL)
                        .until(ExpectedConditions.elementToBeClickable(button));
                typed.clear();
                return ready;
            } catch (TimeoutException e) {
                if (look == 3) {
                    throw e;
                }
            }
        }
    }

    /** A radio option, a select's or a taglist's entry, by the option's Chinese text. */
    void choose(String label, String option) {
        WebElement f = field(label);
        List<WebElement> radios = f.findElements(By.xpath(".//label[input[@type='radio']][normalize-space(.)='"
                + option + "']/input"));
        if (!radios.isEmpty()) {
            radios.get(0).click();
            return;
        }
        // a select's input group, or a taglist's box
        f.findElement(By.cssSelector(".fjs-input-group, .fjs-taglist")).click();
        List<WebElement> search = f.findElements(By.cssSelector("input.fjs-input, input.fjs-taglist-input"));
        if (!search.isEmpty() && search.get(0).isDisplayed() && search.get(0).isEnabled()) {
            // a searchable select may hold a proposed value: search over it
            search.get(0).sendKeys(Keys.chord(Keys.CONTROL, "a"), option);
        }
        wait.until(ExpectedConditions.elementToBeClickable(f.findElement(By.xpath(
                ".//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'" + option + "')]"))))
                .click();
        List<WebElement> tags = f.findElements(By.cssSelector("input.fjs-taglist-input"));
        if (!tags.isEmpty()) {
            // a taglist keeps its list open for more: close it, it would cover the fields below
            tags.get(0).sendKeys(Keys.ESCAPE);
            wait.until(d -> f.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
        }
    }

    void tick(String label) {
        WebElement box = field(label).findElement(By.cssSelector("input[type='checkbox']"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** A date typed as the Chinese date field shows it (2026-12-10), confirmed with Enter. */
    void date(String label, LocalDate day) {
        WebElement input = field(label).findElement(By.cssSelector("input.fjs-input"));
        input.click();
        input.sendKeys(day.format(DateTimeFormatter.ISO_LOCAL_DATE), Keys.ENTER);
        shot("日期-" + label);
    }

    /** Completes the open task and waits until Tasklist has closed it. */
    void complete() {
        readyToSend(Tasklist.COMPLETE);
        shot("提交前");
        // a click just after typing into a form's only field may reach form-js before the typed text has: the form
        // then stays open without a word, and a person clicks 完成 again (a form sent closes, so no second send)
        for (int click = 1; ; click++) {
            tasklist.complete();
            try {
                new WebDriverWait(web, Duration.ofSeconds(10), Browser.POLL)
                        .until(ExpectedConditions.invisibilityOfElementLocated(Tasklist.COMPLETE));
                break;
            } catch (TimeoutException e) {
                if (click == 3) {
                    throw e;
                }
            }
        }
        shot("已提交");
    }

    /**
     * Opens one of the project's pages (same login) and returns what its main part says, with a numbered screenshot.
     * No check for English here: a case page names file formats (JPG, PDF) for attachments and venue booking numbers.
     */
    String page(String path, String name) {
        web.get(baseUrl + path);
        String text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main"))).getText();
        step++;
        browser.save(Path.of("flows", flow, String.format("%02d-%s", step, name)).toString());
        return text;
    }

    /** {@link Browser#failed} for this flow: its screen saved as target/browser/flows/{flow}/failure. */
    AssertionError failed(Throwable cause) {
        return browser.failed(Path.of("flows", flow, "failure").toString(), cause);
    }

    /** The text of the open form, to check what context it shows. */
    String formText() {
        return web.findElement(By.cssSelector(".fjs-form")).getText();
    }

    /** Saves a numbered screenshot of this step and fails on English words on the screen. */
    void shot(String name) {
        step++;
        browser.save(Path.of("flows", flow, String.format("%02d-%s", step, name)).toString());
        assertNoEnglish(name);
    }

    void assertNoEnglish(String where) {
        String text = (String) ((JavascriptExecutor) web).executeScript(
                "var t = document.body ? document.body.innerText : '';"
                        + "document.querySelectorAll('input[placeholder],textarea[placeholder]').forEach(function(e){"
                        + " if (e.offsetParent) t += '\\n' + e.getAttribute('placeholder'); });"
                        + "return t;");
        List<String> english = new ArrayList<>();
        Matcher m = LATIN_WORD.matcher(RESIDENT_CODE.matcher(text).replaceAll(""));
        while (m.find()) {
            if (ALLOWED.stream().noneMatch(a -> a.equalsIgnoreCase(m.group()))) {
                english.add(m.group());
            }
        }
        assertThat(english).as("English on the screen at %s (%s)", where, flow).isEmpty();
    }
}
