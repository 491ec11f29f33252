package org.khulasa.web.desk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.khulasa.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium through Debian's chromedriver: Selenium is pointed at both, so it
 * downloads nothing. Waits are deadlines on a condition, never sleeps.
 */
final class Browser implements AutoCloseable {
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration WAIT = Duration.ofSeconds(15);

    final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    static boolean available() {
        return Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM);
    }

    static Browser start(int width, int height) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=ar",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Signs in afresh at {@code server}'s desk, whatever session the browser had. */
    void signIn(TestServer server) {
        open(server.local("/desk"));
        driver.manage().deleteAllCookies();
        open(server.local("/desk"));
        type("token", TestServer.TOKEN);
        find("sign-in").click();
        until(d -> d.findElements(By.id("sign-out")).size() == 1);
    }

    /** Waits for the status line under the form to say {@code text} exactly. */
    void statusSays(String text) {
        until(d -> d.findElement(By.id("status")).getText().equals(text));
    }

    /** Waits for the editor's script to have filled the form. */
    void editorReady() {
        until(d -> "true".equals(d.findElement(By.id("desk")).getAttribute("data-ready")));
    }

    /** Types into a field after clearing it. */
    void type(String id, String text) {
        WebElement el = find(id);
        el.clear();
        el.sendKeys(text);
    }

    /** Sets an input's value as a script would (a datetime-local's typed form depends on the locale). */
    void setValue(String id, String value) {
        driver.executeScript("const el = document.getElementById(arguments[0]); el.value = arguments[1];"
                + "el.dispatchEvent(new Event('input', {bubbles: true}));", id, value);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
