package cn.lianban.browser;

import java.time.LocalDate;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The case page ({@code /cases/{key}}) as a person reaches and reads it in the browser tests. */
final class CasePage {

    private CasePage() {
    }

    /** Opens 我的事项 (a screenshot of it) and follows the case number there to the case page. */
    static void openFromMyCases(TasklistWalker walk, WebDriver web, WebDriverWait wait, String baseUrl, String caseNo) {
        web.get(baseUrl + "/cases");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.linkText(caseNo)));
        walk.shot("我的事项");
        link.click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("p.sub span"), caseNo));
    }

    /**
     * Types a day into the browser's own date field, its parts in the order the browser's language shows them
     * (年/月/日 in a Chinese Chromium, as the tests' browser is; mm/dd/yyyy in an English one). The field takes the keys
     * from its first part on when it is focused by typing, not by a click.
     */
    static void typeDate(WebDriver web, WebElement input, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<String> order = (List<String>) ((JavascriptExecutor) web).executeScript(
                "return new Intl.DateTimeFormat(undefined, {year: 'numeric', month: '2-digit', day: '2-digit'})"
                        + ".formatToParts(new Date()).filter(function (p) { return p.type !== 'literal'; })"
                        + ".map(function (p) { return p.type; });");
        for (int i = 0; i < order.size(); i++) {
            input.sendKeys(switch (order.get(i)) {
                case "year" -> String.valueOf(day.getYear());
                case "month" -> String.format("%02d", day.getMonthValue());
                default -> String.format("%02d", day.getDayOfMonth());
            });
            // two digits of month or day move on by themselves; a year may have up to six, so it is left by hand
            if ("year".equals(order.get(i)) && i < order.size() - 1) {
                input.sendKeys(Keys.ARROW_RIGHT);
            }
        }
    }

    /** Screenshots of the page after an action: its top (the facts), then its story (the reload keeps the scroll). */
    static void shootFactsAndStory(TasklistWalker walk, WebDriver web, String name) {
        ((JavascriptExecutor) web).executeScript("window.scrollTo(0, 0);");
        walk.shot(name + "-概况");
        ((JavascriptExecutor) web).executeScript("arguments[0].scrollIntoView();",
                web.findElement(By.xpath("//h2[text()='办理经过']")));
        walk.shot(name + "-办理经过");
    }

    /** The value of a fact at the top of the case page (状态, 办理层级 …). */
    static String fact(WebDriver web, String label) {
        return web.findElement(By.xpath("//dl[@class='facts']/div[dt[text()='" + label + "']]/dd")).getText();
    }

    /** The 办理经过 table, a line per entry: time, who, what, note. */
    static List<String> story(WebDriver web) {
        return web.findElements(By.xpath("//h2[text()='办理经过']/following-sibling::table[1]/tbody/tr")).stream()
                .map(WebElement::getText).toList();
    }
}
