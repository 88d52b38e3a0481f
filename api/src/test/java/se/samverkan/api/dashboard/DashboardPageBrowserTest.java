package se.samverkan.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;
import se.samverkan.api.support.IntegrationTest;

/**
 * The dashboard page in headless Chromium, loaded from the running service: its charts show the figures the API
 * gives for the demo year, every chart has its figures in a table, every picker has a label, and the pickers work
 * from the keyboard. A screenshot lands in {@code target/dashboard-blekinge-2026.png}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them and sets
 * {@code samverkan.browser.required}, so that in CI a missing browser fails the build instead of skipping the test.
 */
@TestPropertySource(properties = "samverkan.test.context=demo-compliance")
class DashboardPageBrowserTest extends IntegrationTest {

    private static final File CHROMIUM = new File(System.getProperty("samverkan.browser.chromium", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("samverkan.browser.chromedriver", "/usr/bin/chromedriver"));

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            String missing = "headless Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): apt-get install chromium chromium-driver";
            if (Boolean.getBoolean("samverkan.browser.required")) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--window-size=1280,3200", "--lang=sv-SE");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(), options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(String query) {
        browser.get("http://localhost:" + port + "/dashboard" + query);
    }

    private void awaitLoaded(String view) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> view.equals(
                b.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    private static String text(WebElement element) {
        return element.getText().replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> apiBodies(int year) {
        return graphQl.document("""
                query($y: Int!) { dashboard(counties: ["blekinge"], year: $y) { counties { bodies { body { shortName }
                  meetings { minimum held planned } notices { sent onTime late } } } } }""")
                .variable("y", year).execute().path("dashboard.counties[0].bodies").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    /** The bars of a chart as body (or party) → its data attributes. */
    private Map<String, Map<String, String>> bars(String chart, String key, String... attributes) {
        return browser.findElements(By.cssSelector("#" + chart + " g.bar")).stream().collect(Collectors.toMap(
                bar -> bar.getAttribute(key),
                bar -> java.util.Arrays.stream(attributes).collect(Collectors.toMap(a -> a, bar::getAttribute))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void LSVO_06_LSVO_08_LSVO_27_theChartsShowTheDemoYearsFigures() throws IOException {
        open("?county=blekinge&year=2026");
        awaitLoaded("blekinge-2026");

        // meetings held against the minimum: every body with a minimum or a meeting, exactly as the API counts them
        Map<String, Map<String, String>> meetings = bars("blekinge-moten-diagram", "data-body",
                "data-held", "data-planned", "data-minimum");
        Map<String, Map<String, String>> expected = apiBodies(2026).stream()
                .filter(b -> {
                    Map<String, Object> m = (Map<String, Object>) b.get("meetings");
                    return m.get("minimum") != null || ((Integer) m.get("held")) + ((Integer) m.get("planned")) > 0;
                })
                .collect(Collectors.toMap(b -> (String) ((Map<String, Object>) b.get("body")).get("shortName"), b -> {
                    Map<String, Object> m = (Map<String, Object>) b.get("meetings");
                    return Map.of("data-held", String.valueOf(m.get("held")), "data-planned", String.valueOf(m.get("planned")),
                            "data-minimum", m.get("minimum") == null ? "" : String.valueOf(m.get("minimum")));
                }));
        assertThat(meetings).isEqualTo(expected).containsKeys("LSVO", "PSVO");
        WebElement lsvo = browser.findElement(By.cssSelector("#blekinge-moten-diagram g.bar[data-body='LSVO']"));
        assertThat(text(lsvo.findElement(By.cssSelector("text.figures")))).isEqualTo("8 hållna + 1 planerade, minst 8");
        assertThat(lsvo.findElements(By.cssSelector("rect.held"))).hasSize(1);
        assertThat(lsvo.findElements(By.cssSelector("line.marker"))).hasSize(1);

        // notices on time: LSVO's 17 September notice was two days late
        assertThat(bars("blekinge-kallelser-diagram", "data-body", "data-sent", "data-on-time", "data-late"))
                .containsEntry("LSVO", Map.of("data-sent", "9", "data-on-time", "8", "data-late", "1"))
                .containsEntry("PSVO", Map.of("data-sent", "4", "data-on-time", "4", "data-late", "0"));
        assertThat(text(browser.findElement(By.cssSelector(
                "#blekinge-kallelser-diagram g.bar[data-body='LSVO'] text.figures")))).isEqualTo("89 % i tid (8 av 9)");

        // recommendation answers per party: Ronneby's answer is still a draft, so pending
        assertThat(bars("blekinge-rek-diagram", "data-party", "data-adopted", "data-declined", "data-pending"))
                .isEqualTo(Map.of(
                        "karlskrona", Map.of("data-adopted", "1", "data-declined", "0", "data-pending", "0"),
                        "olofstrom", Map.of("data-adopted", "0", "data-declined", "1", "data-pending", "0"),
                        "ronneby", Map.of("data-adopted", "0", "data-declined", "0", "data-pending", "1")));

        // every chart's figures also as a table, right after it in its section
        List<WebElement> charts = browser.findElements(By.cssSelector("svg[role='img']"));
        assertThat(charts).hasSize(3);
        for (WebElement chart : charts) {
            String title = chart.getAttribute("aria-labelledby");
            assertThat(browser.findElements(By.id(title))).as("the chart's accessible name").hasSize(1);
            WebElement section = chart.findElement(By.xpath("ancestor::section[1]"));
            assertThat(section.findElements(By.cssSelector("figure + table"))).as("table of " + title).hasSize(1);
        }
        WebElement lsvoRow = browser.findElement(By.xpath(
                "//table[caption='Sammanträden Blekinge län']//tr[th='LSVO']"));
        assertThat(text(lsvoRow)).isEqualTo("LSVO 8 1 0 1 8 LSVO-06 ja");
        WebElement ronnebyRow = browser.findElement(By.xpath(
                "//table[caption='Rekommendationer Blekinge län']//tr[th='Ronneby kommun']"));
        assertThat(text(ronnebyRow)).isEqualTo("Ronneby kommun 1 0 0 0 1");

        Path screenshot = Path.of("target", "dashboard-blekinge-2026.png");
        Files.createDirectories(screenshot.getParent());
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    }

    @Test
    void thePickersAreLabelledAndWorkFromTheKeyboard() {
        open("?county=blekinge&year=2026");
        awaitLoaded("blekinge-2026");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        for (WebElement select : browser.findElements(By.tagName("select"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + select.getAttribute("id") + "']")))
                    .as("a label for #" + select.getAttribute("id")).hasSize(1);
        }

        WebElement year = browser.findElement(By.id("ar"));
        year.sendKeys("2027");                        // typing picks the option, as any keyboard user does
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getTagName()).isEqualTo("button");
        focused.sendKeys(Keys.ENTER);
        awaitLoaded("blekinge-2027");

        // the June 2027 meeting is cancelled: seven planned, none held, short of the minimum of eight (LSVO-06)
        assertThat(bars("blekinge-moten-diagram", "data-body", "data-held", "data-planned", "data-minimum"))
                .containsEntry("LSVO", Map.of("data-held", "0", "data-planned", "7", "data-minimum", "8"));
        assertThat(text(browser.findElement(By.xpath("//table[caption='Sammanträden Blekinge län']//tr[th='LSVO']"))))
                .isEqualTo("LSVO 0 7 1 0 8 LSVO-06 nej");
        assertThat(text(browser.findElement(By.id("status")))).isEqualTo("Visar 2027 för Blekinge län.");
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard?year=2027&county=blekinge");
    }

    @Test
    void everyCountyWithoutAPick() {
        open("");
        awaitLoaded("alla-" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).getYear());
        assertThat(browser.findElements(By.cssSelector("section.county")).stream().map(s -> s.getAttribute("data-county")))
                .contains("blekinge", "norrbotten");
    }
}
