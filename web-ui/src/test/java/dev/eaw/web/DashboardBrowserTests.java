package dev.eaw.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** In real headless Chromium: sign in, see the three module cards, create an API token on the Account page. */
@AppTest
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void open() {
		browser = Browser.start();
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void signInAndSeeTheThreeModuleCards() {
		browser.get("http://localhost:" + port + "/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(AppTest.ADMIN_PASSWORD);
		browser.findElement(By.id("sign-in")).click();

		List<WebElement> cards = browser.findElements(By.cssSelector("article.module"));
		assertThat(cards).extracting(card -> card.getAttribute("id"))
			.containsExactly("module-insights", "module-mlops", "module-docqa");
		assertThat(browser.findElement(By.id("module-insights")).getText()).contains("Insights", "Datasets", "Healthy");
		assertThat(browser.findElement(By.id("module-mlops")).getText()).contains("MLOps", "Experiments", "Runs");
		assertThat(browser.findElement(By.id("module-docqa")).getText()).contains("Document Q&A", "Documents");
		Browser.screenshot(browser, "dashboard");

		browser.findElement(By.id("account-link")).click();
		browser.findElement(By.id("token-name")).sendKeys("from-the-browser");
		browser.findElement(By.id("create-token")).click();
		String token = browser.findElement(By.cssSelector("#issued-token code")).getText();
		assertThat(token).startsWith("eaw_");
		assertThat(Http.bearer(port, token).get("/api/me").statusCode()).isEqualTo(200);
		Browser.screenshot(browser, "account");
	}

	@Test
	void aWrongPasswordKeepsYouOnTheSignInPageWithAMessage() {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("wrong-password");
		browser.findElement(By.id("sign-in")).click();
		// the click returns before the form's redirect has loaded
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/login?error"));
		assertThat(browser.getCurrentUrl()).endsWith("/login?error");
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong username or password");
	}

}
