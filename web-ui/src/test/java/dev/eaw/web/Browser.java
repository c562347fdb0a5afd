package dev.eaw.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium for browser tests. {@code EAW_CHROME_BINARY} and {@code EAW_CHROMEDRIVER} name the browser
 * and driver (CI installs Debian's {@code chromium} and {@code chromium-driver}); without them Debian's paths are
 * tried, then Selenium Manager. Under {@code CI=true} a browser that cannot start fails the test; elsewhere the test
 * is skipped with the reason.
 */
public final class Browser {

	private Browser() {
	}

	public static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1366,900");
		String binary = pick(System.getenv("EAW_CHROME_BINARY"), "/usr/bin/chromium");
		if (binary != null) {
			options.setBinary(binary);
		}
		String driver = pick(System.getenv("EAW_CHROMEDRIVER"), "/usr/bin/chromedriver");
		try {
			ChromeDriverService service = driver == null ? ChromeDriverService.createDefaultService()
					: new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
			ChromeDriver chrome = new ChromeDriver(service, options);
			chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
			return chrome;
		}
		catch (RuntimeException ex) {
			String reason = "headless Chromium did not start (" + ex.getMessage().lines().findFirst().orElse("") + ")";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				return Assertions.fail(reason + "; under CI=true browser tests must run", ex);
			}
			Assumptions.abort(reason + "; install chromium and chromium-driver or set EAW_CHROME_BINARY/EAW_CHROMEDRIVER");
			throw ex;
		}
	}

	/** A browser signed in as the admin on the application at the port. */
	public static WebDriver signedIn(int port) {
		WebDriver browser = start();
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys("admin");
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(AppTest.ADMIN_PASSWORD);
		browser.findElement(org.openqa.selenium.By.id("sign-in")).click();
		return browser;
	}

	/** Saves what the browser shows to {@code target/screenshots/NAME.png}, for people to look at. */
	public static void screenshot(WebDriver driver, String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pick(String configured, String debianDefault) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return new File(debianDefault).canExecute() ? debianDefault : null;
	}

}
