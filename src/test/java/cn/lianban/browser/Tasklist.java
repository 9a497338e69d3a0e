package cn.lianban.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as the browser tests click through it: log in, pick a filter, find a task's card, open and claim
 * the task, click inside its form and complete it. A test waits with {@link #wait} too, so a setting it makes there
 * (e.g. ignoring stale elements) holds for these steps as well.
 */
final class Tasklist {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    /** Tasklist's button under the form of a claimed task. */
    static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

    final WebDriver web;
    final WebDriverWait wait;
    private final Browser browser;
    private final String baseUrl;

    Tasklist(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.web = browser.driver;
        this.wait = new WebDriverWait(web, PATIENCE, Browser.POLL);
    }

    /** Logs {@code user} in (password demo) at the project's login page and opens Tasklist with its filters. */
    void logIn(String user) {
        browser.logIn(baseUrl, user, "demo");
        if (!web.getCurrentUrl().contains("/camunda/app/tasklist/")) {
            web.get(baseUrl + "/camunda/app/tasklist/");
        }
        awaitFilters(user);
    }

    /** Waits until Tasklist, just opened for {@code user}, shows the filters in the person's language. */
    void awaitFilters(String user) {
        browser.awaitWebapp(By.cssSelector(".task-filter"), "tasklist-" + user);
        // the filters may come before Tasklist has put its words in: keys such as CREATION_DATE show for a moment
        new WebDriverWait(web, Duration.ofSeconds(20), Browser.POLL)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(UNTRANSLATED)));
    }

    /** True when no Tasklist translation key (CREATION_DATE, SEARCH_PLACEHOLDER) stands in the text or a placeholder. */
    private static final String UNTRANSLATED = "const key = /\\b[A-Z]{2,}_[A-Z_]{2,}\\b/;"
            + "return !key.test(document.body.innerText)"
            + " && ![...document.querySelectorAll('[placeholder]')].some(e => key.test(e.placeholder));";

    /** The filters list on the left: a filter's name is the link text, followed by a task counter. */
    void openFilter(String name) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'task-filter')]/h4[contains(@class,'name')]/a[contains(normalize-space(.),'"
                        + name + "')]"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//div[contains(@class,'task-filter') and contains(@class,'active')]/h4/a[contains(normalize-space(.),'"
                        + name + "')]")));
    }

    /** 启动流程 → the process by its Chinese name, until its start form shows in the dialog. */
    void startProcess(String processName) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
        By process = By.xpath("//a[@ng-click='selectProcessDefinition(processDefinition)'][contains(normalize-space(.),'"
                + processName + "')]");
        By form = By.cssSelector(".modal .fjs-form");
        // a click while the dialog still fades in, or while its list is drawn again, can be lost (CI saw the list
        // stay for a minute): the process is chosen again, a second after the last click, until its form shows
        long[] nextClick = {System.nanoTime()};
        new WebDriverWait(web, PATIENCE, Browser.POLL).ignoring(WebDriverException.class)
                .until(d -> {
                    if (d.findElements(form).stream().anyMatch(WebElement::isDisplayed)) {
                        return true;
                    }
                    if (System.nanoTime() - nextClick[0] >= 0) {
                        d.findElements(process).stream().filter(WebElement::isDisplayed).findFirst()
                                .ifPresent(choice -> {
                                    choice.click();
                                    nextClick[0] = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                                });
                    }
                    return false;
                });
    }

    /** A task in the middle list; its link carries the task id. */
    static By taskCard(String taskId) {
        return By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][.//h4[contains(@class,'task')]"
                + "/a[contains(@href,'task=" + taskId + "')]]");
    }

    /** The task's card once the open filter lists it. */
    WebElement card(String taskId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(taskCard(taskId)));
    }

    /** Clicks a task of the middle list, which opens its form on the right. */
    void openTask(String taskId) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]//h4[contains(@class,'task')]"
                        + "/a[contains(@href,'task=" + taskId + "')]"))).click();
    }

    /** Claims the open task; until then the form is shown greyed out under an overlay. */
    void claim() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".disabled-form"), 0));
    }

    /** Scrolls the element to the middle of the window first: Tasklist's footer covers the bottom of a long form. */
    void click(By by) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
        ((JavascriptExecutor) web).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Completes the open task (the engine may still refuse it). */
    void complete() {
        click(COMPLETE);
    }

    /** A form-js radio option, found by its component id and the option's label. */
    static By radio(String componentId, String label) {
        return By.xpath("//label[input[@type='radio' and contains(@id,'-" + componentId + "-')]"
                + " and normalize-space(.)='" + label + "']/input");
    }
}
