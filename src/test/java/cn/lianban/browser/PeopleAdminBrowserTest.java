package cn.lianban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a Chinese browser the street office (东莱街道) opens 人员管理 from its menu, finds a secretary of its street,
 * moves her to another community of the street, and sees her work groups change and the move in 变更记录.
 * Screenshots under target/browser.
 */
class PeopleAdminBrowserTest extends ChineseBrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void aSecretaryOfTheStreet() {
        jdbc.update("INSERT INTO person(login, name, email, role, unit_type, unit_code, phone) VALUES ('imp-web-mover', "
                + "'网页调动书记', 'imp-web-mover@test.cn', 'community-secretary', 'COMMUNITY', 'C-DL-01', '13900000041')");
        User user = identity.newUser("imp-web-mover");
        user.setFirstName("网页调动书记");
        user.setLastName("");
        user.setEmail("imp-web-mover@test.cn");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership("imp-web-mover", "community-secretary");
        identity.createMembership("imp-web-mover", "community:C-DL-01");
    }

    @AfterEach
    void removeHer() {
        identity.deleteUser("imp-web-mover");
        jdbc.update("DELETE FROM person WHERE login = 'imp-web-mover'");
        jdbc.update("DELETE FROM directory_change WHERE subject_code = 'imp-web-mover'");
    }

    @Test
    void theStreetOfficeMovesASecretaryToAnotherCommunity() {
        String from = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-01'", String.class);
        String to = jdbc.queryForObject("SELECT name FROM community WHERE code = 'C-DL-02'", String.class);
        WebDriver web = browser.driver;
        WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(60), Browser.POLL);
        try {
            browser.logIn(base(), "street", "demo");
            web.get(base() + "/admin/people");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("q")));
            String menu = web.findElement(By.cssSelector("header nav")).getText();
            assertThat(menu).contains("单位管理", "人员管理").doesNotContain("组织目录");
            browser.clickToNextPage(web.findElement(By.xpath("//a[.='人员管理']")));

            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("q"))).sendKeys("网页调动");
            web.findElement(By.xpath("//button[.='查找']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.linkText("网页调动书记")));
            browser.save("people-admin-search");
            assertNoEnglish(web);
            web.findElement(By.linkText("网页调动书记")).click();

            String groups = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("groups"))).getText();
            assertThat(groups).contains("社区书记", from).doesNotContain(to);
            new Select(web.findElement(By.name("unit"))).selectByVisibleText("社区 · " + to);
            browser.clickToNextPage(web.findElement(By.xpath("//form[@id='edit']//button[.='保存']")));

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".msg.ok")));
            assertThat(web.findElement(By.id("groups")).getText()).contains("社区书记", to).doesNotContain(from);
            String changes = web.findElement(By.id("changes")).getText();
            assertThat(changes).contains("所属单位", "社区「" + from + "」", "社区「" + to + "」")
                    .containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
            assertThat(web.findElement(By.id("reset-password")).getText()).contains("重置密码");
            browser.save("people-admin-moved");
            assertNoEnglish(web);
        } catch (RuntimeException | AssertionError e) {
            browser.save("people-admin-failed");
            throw e;
        }
        assertThat(identity.createGroupQuery().groupMember("imp-web-mover").list()).extracting(g -> g.getId())
                .containsExactlyInAnyOrder("community-secretary", "community:C-DL-02");
    }

    /** The page's text less the data an office keeps in Latin letters (logins, unit codes, mail addresses). */
    private static void assertNoEnglish(WebDriver web) {
        String text = web.findElement(By.tagName("body")).getText()
                .replaceAll("\\S+@\\S+", "")
                .replaceAll("imp-web-mover", "")
                .replaceAll("\\b[A-Z]{1,2}(-[A-Z0-9]+)+\\b", "");
        assertThat(text).doesNotContainPattern("[A-Za-z]");
    }
}
