package dev.eaw.web.insights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.eaw.web.AppTest;
import dev.eaw.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** In real headless Chromium: upload a CSV, confirm its columns, watch it load, query it and chart the result. */
@AppTest
class InsightsBrowserTests {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void open() {
		browser = Browser.signedIn(port);
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void uploadQueryAndChart() throws Exception {
		Path csv = Files.createTempFile("fruit-sales", ".csv");
		Files.writeString(csv, "fruit,sold_on,boxes\napple,2024-01-01,12\npear,2024-01-01,7\napple,2024-01-02,15\n"
				+ "pear,2024-01-02,9\nplum,2024-01-02,4\n");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

		browser.get("http://localhost:" + port + "/insights");
		browser.findElement(By.id("upload-file")).sendKeys(csv.toString());
		browser.findElement(By.id("upload-name")).sendKeys("fruit_sales");
		browser.findElement(By.id("upload-submit")).click();

		assertThat(browser.findElement(By.id("inferred")).getText()).contains("apple", "2024-01-01");
		assertThat(new Select(browser.findElements(By.name("columnType")).get(1)).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("DATE");
		assertThat(new Select(browser.findElements(By.name("columnType")).get(2)).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("INTEGER");
		Browser.screenshot(browser, "insights-confirm");
		browser.findElement(By.id("confirm-load")).click();

		wait.until(ExpectedConditions.urlContains("/insights/datasets/fruit_sales"));
		assertThat(browser.findElement(By.id("stats")).getText()).contains("fruit", "sold_on", "boxes");
		browser.findElement(By.id("query-dataset")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-card")));
		assertThat(browser.findElement(By.id("result")).getText()).contains("apple", "plum");

		((JavascriptExecutor) browser).executeScript("window.eawEditor.setValue(arguments[0])",
				"SELECT fruit, SUM(boxes) AS boxes FROM fruit_sales GROUP BY fruit ORDER BY fruit");
		browser.findElement(By.id("run")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "27"));
		new Select(browser.findElement(By.id("chart-type"))).selectByValue("bar");
		wait.until(d -> "boxes".equals(d.findElement(By.id("chart")).getAttribute("data-rendered")));
		assertThat(browser.findElement(By.cssSelector("#chart canvas")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("status")).getText()).contains("3 rows");
		Browser.screenshot(browser, "insights-sql-chart");

		((JavascriptExecutor) browser).executeScript("window.eawEditor.setValue('DELETE FROM fruit_sales')");
		browser.findElement(By.id("run")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(browser.findElement(By.id("error")).getText()).contains("DELETE is not allowed");
	}

	@Test
	void variantsAreShownAsPrettyJson() {
		// Snowflake shows a VARIANT as JSON, a string in quotes: https://docs.snowflake.com/en/user-guide/querying-semistructured
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		browser.get("http://localhost:" + port + "/insights/sql");
		wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!window.eawEditor")));
		((JavascriptExecutor) browser).executeScript("window.eawEditor.setValue(arguments[0])",
				"SELECT {'a': 1, 'b': ['x']} AS o, PARSE_JSON('{\"s\": \"t\"}'):s AS s, 'plain' AS p");
		browser.findElement(By.id("run")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result td.json")));
		List<WebElement> cells = browser.findElements(By.cssSelector("#result tbody td"));
		assertThat(cells.get(0).getText()).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    \"x\"\n  ]\n}");
		assertThat(cells.get(1).getText()).isEqualTo("\"t\"");
		assertThat(cells.get(2).getText()).isEqualTo("plain");
		assertThat(cells.get(2).getAttribute("class")).doesNotContain("json");
	}

	@Test
	void theDemoDashboardShowsTheForecastBandAndTheAnomalies() {
		browser.get("http://localhost:" + port + "/insights/dashboard");
		assertThat(browser.findElements(By.cssSelector(".tile"))).hasSizeGreaterThanOrEqualTo(4);
		assertThat(browser.findElement(By.cssSelector(".tiles")).getText()).contains("Review sentiment by product",
				"Sales forecast, north store", "Sales anomalies, north store");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
		wait.until(d -> d.findElements(By.cssSelector(".tile-chart[data-rendered]")).size() >= 4);
		String forecast = tile("Sales forecast, north store").getAttribute("data-rendered");
		assertThat(forecast).contains("forecast", "interval");
		String anomalies = tile("Sales anomalies, north store").getAttribute("data-rendered");
		assertThat(anomalies).contains("value", "interval", "anomaly");
		Browser.screenshot(browser, "insights-dashboard");
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 600)");
		Browser.screenshot(browser, "insights-dashboard-forecast");
	}

	private org.openqa.selenium.WebElement tile(String name) {
		return browser.findElements(By.cssSelector(".tile"))
			.stream()
			.filter(t -> t.getText().contains(name))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector(".tile-chart"));
	}

}
