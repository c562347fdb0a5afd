package dev.eaw.web.mlops;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.eaw.web.AppTest;
import dev.eaw.web.Browser;
import dev.eaw.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, what a new user does with the churn sample: train two models, compare them, register the
 * better one, make it the champion and ask it for a prediction on the model page.
 */
@AppTest
class MlopsBrowserTests extends BrowserTest {


	/** Trains on the churn sample from the form; the job page opens the run when the job ends: answers its id. */
	String train(String experiment, String algorithm) {
		browser.get(url("/mlops/train"));
		new Select(browser.findElement(By.id("train-dataset"))).selectByValue("churn");
		assertThat(new Select(browser.findElement(By.id("train-target"))).getFirstSelectedOption().getText())
			.isEqualTo("churned");
		new Select(browser.findElement(By.id("train-algorithm"))).selectByValue(algorithm);
		WebElement name = browser.findElement(By.id("train-experiment"));
		name.clear();
		name.sendKeys(experiment);
		browser.findElement(By.id("train-submit")).click();
		wait.until(ExpectedConditions.urlContains("/mlops/runs/"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metrics-table")));
		String run = browser.getCurrentUrl();
		return run.substring(run.lastIndexOf('/') + 1);
	}

	@Test
	void trainCompareRegisterAndPredict() {
		String experiment = "churn-browser-" + UUID.randomUUID().toString().substring(0, 8);
		String model = "churn-" + UUID.randomUUID().toString().substring(0, 8);
		String logistic = train(experiment, "logistic-regression");
		String tree = train(experiment, "cart");

		browser.findElement(By.id("experiment-link")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runs-table")));
		browser.findElement(By.cssSelector("#run-" + logistic + " .compare-box")).click();
		browser.findElement(By.cssSelector("#run-" + tree + " .compare-box")).click();
		browser.findElement(By.id("compare-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-metrics")));
		assertThat(browser.findElement(By.id("compare-params")).getText()).contains("logistic-regression", "cart");
		WebElement accuracy = browser.findElement(By.cssSelector("#compare-metrics tr[data-key='accuracy']"));
		assertThat(accuracy.findElements(By.cssSelector("td.best"))).hasSize(1);
		Browser.screenshot(browser, "mlops-compare");

		browser.get(url("/mlops/runs/" + logistic));
		assertThat(browser.findElement(By.id("confusion-matrix")).getText()).contains("yes", "no");
		assertThat(browser.findElement(By.id("feature-importance")).isDisplayed()).isTrue();
		Browser.screenshot(browser, "mlops-run");
		browser.findElement(By.id("register-name")).sendKeys(model);
		browser.findElement(By.id("register-submit")).click();
		wait.until(ExpectedConditions.urlContains("/mlops/models/" + model));
		assertThat(browser.findElement(By.id("versions-table")).getText()).contains("1");

		new Select(browser.findElement(By.id("alias-version"))).selectByValue("1");
		browser.findElement(By.id("alias-name")).sendKeys("champion");
		browser.findElement(By.id("alias-submit")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("model-aliases"), "champion"));

		WebElement serving = browser.findElement(By.id("serving"));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", serving);
		wait.until(d -> d.findElement(By.id("serving-input")).getAttribute("value").contains("tenure_months"));
		assertThat(browser.findElement(By.id("serving-curl")).getText()).contains("/api/mlops/serving/" + model + "/",
				"/invocations");
		browser.findElement(By.id("serving-send")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("serving-output"), "predictions"));
		assertThat(browser.findElement(By.id("serving-output")).getText()).startsWith("200").contains("probabilities");
		wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("serving-requests"), "0")));
		Browser.screenshot(browser, "mlops-model");
	}

}
