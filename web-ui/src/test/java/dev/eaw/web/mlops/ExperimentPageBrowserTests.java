package dev.eaw.web.mlops;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import dev.eaw.web.AppTest;
import dev.eaw.web.Browser;
import dev.eaw.web.BrowserTest;
import dev.eaw.web.Http;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium at 1280 px: a grid search trained from the form opens its run when the job ends, and the
 * experiment's runs table fits the screen with metrics first, nests the search's candidates under it (collapsed and
 * expanded as in MLflow's UI), keeps the column picker's choice over a reload, sorts by a clicked header and runs its
 * filter example.
 */
@AppTest
class ExperimentPageBrowserTests extends BrowserTest {

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private JavascriptExecutor js() {
		return (JavascriptExecutor) browser;
	}

	private long number(String script) {
		return ((Number) js().executeScript(script)).longValue();
	}

	/** The grid search from the training form; the job page opens its run when the job ends: answers the run id. */
	private String gridSearch(String experiment) {
		browser.get(url("/mlops/train"));
		new Select(browser.findElement(By.id("train-dataset"))).selectByValue("churn");
		new Select(browser.findElement(By.id("train-algorithm"))).selectByValue("logistic-regression");
		WebElement name = browser.findElement(By.id("train-experiment"));
		name.clear();
		name.sendKeys(experiment);
		new Select(browser.findElement(By.id("train-search"))).selectByValue("grid");
		String shown = "fieldset.hp[data-algorithm='logistic-regression'] ";
		browser.findElement(By.cssSelector(shown + "input[name='space.learning_rate']")).sendKeys("0.01, 0.5");
		browser.findElement(By.cssSelector(shown + "input[name='space.epochs']")).sendKeys("3, 12");
		browser.findElement(By.id("train-submit")).click();
		wait.until(ExpectedConditions.urlContains("/mlops/runs/"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("child-runs")));
		String run = browser.getCurrentUrl();
		return run.substring(run.lastIndexOf('/') + 1);
	}

	/** The data-run ids of the table's rows that show, in order. */
	private List<String> shownRows() {
		List<String> ids = new ArrayList<>();
		for (WebElement row : browser.findElements(By.cssSelector("#runs-table tbody tr"))) {
			if (row.isDisplayed()) {
				ids.add(row.getAttribute("data-run"));
			}
		}
		return ids;
	}

	/** The metric values of a column in the top-level rows, in order (empty cells left out). */
	private List<Double> topLevelValues(String column) {
		List<Double> values = new ArrayList<>();
		for (WebElement cell : browser.findElements(
				By.cssSelector("#runs-table tbody tr:not([data-parent]) td[data-col='" + column + "']"))) {
			if (!cell.getText().isBlank()) {
				values.add(Double.valueOf(cell.getText()));
			}
		}
		return values;
	}

	@Test
	void theRunsTableFitsNestsSortsFiltersAndRemembersItsColumns() {
		String experiment = "grid-browser-" + suffix;
		String parent = gridSearch(experiment);
		JsonNode cart = TrainingFixtures.train(Http.basic(port, "admin", dev.eaw.web.AppTest.ADMIN_PASSWORD),
				"{\"dataset\": \"churn\", \"target\": \"churned\", \"algorithm\": \"cart\", \"experiment\": \""
						+ experiment + "\"}");
		assertThat(cart.path("state").asString()).as(cart.toString()).isEqualTo("FINISHED");

		browser.manage().window().setSize(new Dimension(1280, 900));
		browser.get(url("/mlops/runs/" + parent));
		browser.findElement(By.id("experiment-link")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runs-table")));

		// fits 1280 px: no page scrolling sideways and nothing hidden in the table's own scroll box
		assertThat(number("return document.documentElement.scrollWidth"))
			.isLessThanOrEqualTo(number("return document.documentElement.clientWidth"))
			.isLessThanOrEqualTo(1280);
		assertThat(number("return document.getElementById('runs-table').scrollWidth"))
			.as("widths: %s", js().executeScript("return Array.from(document.querySelectorAll('#runs-table th'))"
					+ ".filter(t => t.offsetWidth).map(t => t.textContent.trim() + ' ' + t.offsetWidth).join(', ')"))
			.isLessThanOrEqualTo(number("return document.getElementById('runs-table').parentElement.clientWidth"));
		// metric columns first, then params; five metrics and three params at most by default
		List<String> kinds = new ArrayList<>();
		for (WebElement header : browser.findElements(By.cssSelector("#runs-table thead tr:nth-child(2) th"))) {
			if (header.isDisplayed()) {
				kinds.add(header.getAttribute("class"));
			}
		}
		assertThat(kinds).contains("metrics-col", "params-col");
		assertThat(kinds.lastIndexOf("metrics-col")).isLessThan(kinds.indexOf("params-col"));
		assertThat(kinds.stream().filter("metrics-col"::equals).count()).isBetween(1L, 5L);
		assertThat(kinds.stream().filter("params-col"::equals).count()).isBetween(1L, 3L);
		assertThat(browser.findElement(By.cssSelector("th[data-col='metrics.accuracy']")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.cssSelector("th[data-col='metrics.validation_accuracy']")).isDisplayed())
			.isTrue();
		Browser.screenshot(browser, "mlops-experiment-runs");

		// the search's four candidates: collapsed under their parent, right after it once expanded
		List<WebElement> children = browser.findElements(By.cssSelector("#runs-table tr[data-parent='" + parent + "']"));
		assertThat(children).hasSize(4).noneMatch(WebElement::isDisplayed);
		browser.findElement(By.cssSelector("#run-" + parent + " button.expander")).click();
		assertChildrenFollow(parent);

		// the column picker: one metric less, one param more, still so after a reload
		browser.findElement(By.cssSelector("#column-picker summary")).click();
		browser.findElement(By.cssSelector(".column-choice[value='metrics.validation_accuracy']")).click();
		browser.findElement(By.cssSelector(".column-choice[value='params.dataset_rows']")).click();
		assertThat(browser.findElement(By.cssSelector("th[data-col='metrics.validation_accuracy']")).isDisplayed())
			.isFalse();
		assertThat(browser.findElement(By.cssSelector("th[data-col='params.dataset_rows']")).isDisplayed()).isTrue();
		browser.navigate().refresh();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("runs-table")));
		assertThat(browser.findElement(By.cssSelector("th[data-col='metrics.validation_accuracy']")).isDisplayed())
			.isFalse();
		assertThat(browser.findElement(By.cssSelector("th[data-col='params.dataset_rows']")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.cssSelector(".column-choice[value='params.dataset_rows']")).isSelected())
			.isTrue();
		assertChildrenFollow(parent);

		// a click on a header sorts by it (best first), a second click the other way
		browser.findElement(By.cssSelector("th[data-sort='metrics.accuracy'] a.sort")).click();
		wait.until(ExpectedConditions.urlContains("order=metrics.accuracy"));
		assertThat(browser.findElement(By.cssSelector("th[data-sort='metrics.accuracy']")).getAttribute("aria-sort"))
			.isEqualTo("descending");
		List<Double> descending = topLevelValues("metrics.accuracy");
		assertThat(descending).hasSize(2).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		browser.findElement(By.cssSelector("th[data-sort='metrics.accuracy'] a.sort")).click();
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-sort='metrics.accuracy']"), "aria-sort",
				"ascending"));
		assertThat(topLevelValues("metrics.accuracy")).hasSize(2).isSorted();
		assertChildrenFollow(parent);

		// the filter's example finds runs of this experiment
		WebElement filter = browser.findElement(By.id("runs-filter"));
		String example = filter.getAttribute("placeholder");
		assertThat(example).matches("metrics\\.\\S+ >=? [-0-9.E]+( AND params\\.\\S+ = '[^']*')?");
		filter.sendKeys(example);
		browser.findElement(By.id("filter-submit")).click();
		wait.until(ExpectedConditions.urlContains("filter="));
		assertThat(browser.findElements(By.id("filter-error"))).isEmpty();
		assertThat(shownRows()).isNotEmpty();
	}

	private void assertChildrenFollow(String parent) {
		List<String> rows = shownRows();
		int at = rows.indexOf(parent);
		assertThat(at).isNotNegative();
		assertThat(rows.subList(at + 1, Math.min(rows.size(), at + 5))).hasSize(4).allSatisfy(id -> assertThat(
				browser.findElement(By.id("run-" + id)).getAttribute("data-parent")).isEqualTo(parent));
	}

}
