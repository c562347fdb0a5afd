package dev.eaw.web.docqa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import dev.eaw.web.AppTest;
import dev.eaw.web.Browser;
import dev.eaw.web.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real headless Chromium, what a new user does: create a collection, drop in a PDF and a Markdown file, watch them
 * ingest, ask a question, read the streamed answer with its citation and open the source at the cited page.
 */
@AppTest
class DocqaBrowserTests extends BrowserTest {

	static final List<List<String>> REPORT = List.of(
			List.of("Annual Report of the Harbour Lighthouse Trust", "", "The trust maintains four lighthouses on the coast.",
					"Volunteers guide visitors through the towers in summer."),
			List.of("Finances", "", "Donations covered most of the repairs this year.",
					"The gift shop sold postcards, maps and tea towels."),
			List.of("Facts about the towers", "", "The Bellhaven lighthouse lamp is visible from 27 nautical miles away.",
					"Its tower has 142 steps and was painted red and white in 1911."));

	@TempDir
	Path files;


	@Test
	void uploadAskAndOpenTheCitation() throws IOException {
		String name = "lighthouse-" + UUID.randomUUID().toString().substring(0, 8);
		Path pdf = Files.write(files.resolve("lighthouse-report.pdf"), DocqaFixtures.pdf(REPORT));
		Path markdown = Files.writeString(files.resolve("visiting.md"), """
				# Visiting the lighthouses

				## Tickets

				Tickets for the tower tours cost eight euros and are sold at the harbour office.

				## Opening times

				The towers open at ten in the morning from May to September.
				""");

		browser.get(url("/"));
		browser.findElement(By.id("nav-docqa")).click();
		browser.findElement(By.id("collection-name")).sendKeys(name);
		browser.findElement(By.id("collection-description")).sendKeys("The trust's reports");
		browser.findElement(By.id("collection-submit")).click();
		wait.until(ExpectedConditions.urlContains("/docqa/" + name));

		browser.findElement(By.id("upload-files")).sendKeys(pdf + "\n" + markdown);
		wait.until(d -> d.findElements(By.cssSelector("#upload-outcomes li.upload-outcome")).size() == 2);
		assertThat(browser.findElement(By.id("upload-outcomes")).getText()).contains("lighthouse-report.pdf", "visiting.md",
				"queued");
		wait.until(d -> d.findElements(By.cssSelector("#documents-body tr[data-status='ready']")).size() == 2);
		assertThat(browser.findElement(By.id("documents-table")).getText()).contains("lighthouse-report", "visiting",
				"ready");
		Browser.screenshot(browser, "docqa-collection");

		browser.findElement(By.id("open-chat")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("question")));
		browser.findElement(By.id("question")).sendKeys("How far away is the Bellhaven lamp visible?");
		browser.findElement(By.id("ask-submit")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".exchange .meta")));
		wait.until(d -> !d.findElement(By.cssSelector(".exchange .meta")).getText().isEmpty());
		WebElement answer = browser.findElement(By.cssSelector(".exchange .answer"));
		assertThat(answer.getText()).contains("27 nautical miles", "[1]");
		browser.findElement(By.id("show-chunks")).click();
		WebElement retrieved = browser.findElement(By.cssSelector(".exchange .retrieved-table"));
		assertThat(retrieved.isDisplayed()).isTrue();
		assertThat(retrieved.getText()).contains("lighthouse-report", "page 3");
		Browser.screenshot(browser, "docqa-chat");

		answer.findElement(By.cssSelector("a.cite")).click();
		wait.until(ExpectedConditions.urlContains("/documents/"));
		WebElement highlighted = browser.findElement(By.cssSelector(".chunk.highlight"));
		assertThat(highlighted.getText()).contains("Page 3", "27 nautical miles");
		assertThat(highlighted.getAttribute("data-page")).isEqualTo("3");
		assertThat(browser.getCurrentUrl()).contains("#chunk-" + highlighted.getAttribute("id").substring(6));
		Browser.screenshot(browser, "docqa-document");

		browser.navigate().back();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".exchange .answer")));
		assertThat(browser.findElement(By.id("conversation")).getText()).contains("Bellhaven", "27 nautical miles");
	}

}
