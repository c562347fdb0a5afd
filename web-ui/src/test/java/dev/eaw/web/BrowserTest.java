package dev.eaw.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser test's frame: headless Chromium signed in as the admin before each test, closed after it. */
public abstract class BrowserTest {

	@LocalServerPort
	protected int port;

	protected WebDriver browser;

	protected WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		browser = Browser.signedIn(port);
		wait = new WebDriverWait(browser, Duration.ofSeconds(120));
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

}
