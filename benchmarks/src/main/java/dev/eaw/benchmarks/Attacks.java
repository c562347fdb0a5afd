package dev.eaw.benchmarks;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.eaw.benchmarks.AbuseBenchmark.Attack;
import dev.eaw.benchmarks.AbuseBenchmark.Target;

/** The attacks of issue 9, as a hostile analyst or an anonymous client would make them. */
final class Attacks {

	private static final String STRONG = "abuse-bench-Secret-4711";

	private Attacks() {
	}

	static List<Attack> all(Target app) throws Exception {
		List<Attack> attacks = new ArrayList<>();
		attacks.add(sql(app, "SQL: 3-way cross join (8 billion rows)",
				"SELECT a.*, b.* FROM reviews a, reviews b, reviews c WHERE c.review_id <= 6"));
		attacks.add(sql(app, "SQL: 2-way cross join", "SELECT a.*, b.* FROM reviews a, reviews b"));
		attacks.add(sql(app, "SQL: catastrophic regex",
				"SELECT REGEXP_REPLACE('" + "a".repeat(40) + "!', '((a+)+)+c', 'Q')"));
		attacks.add(sql(app, "SQL: 1/0", "SELECT 1/0"));
		attacks.add(sql(app, "SQL: BIGINT overflow", "SELECT CAST('99999999999999999999' AS BIGINT)"));
		attacks.add(sql(app, "SQL: NUL byte", "SELECT 'a\u0000b'"));
		attacks.add(fairness(app));
		attacks.add(mlflow(app, "MLflow: 500-clause AND filter", "runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": "
				+ quote(IntStream.range(0, 500).mapToObj(i -> "metrics.m" + i + " > 0").collect(Collectors.joining(" AND ")))
				+ "}"));
		attacks.add(mlflow(app, "MLflow: 70,000-item IN list", "runs/search", "{\"experiment_ids\": [\"0\"], \"filter\": "
				+ quote("attributes.run_id IN (" + IntStream.range(0, 70_000).mapToObj(i -> "'r" + i + "'")
					.collect(Collectors.joining(", ")) + ")") + "}"));
		attacks.add(mlflow(app, "MLflow: 2,000 order_by", "runs/search", "{\"experiment_ids\": [\"0\"], \"order_by\": ["
				+ IntStream.range(0, 2000).mapToObj(i -> "\"metrics.m" + i + " DESC\"").collect(Collectors.joining(", "))
				+ "]}"));
		attacks.add(mlflow(app, "MLflow: 100,000-character experiment name", "experiments/create",
				"{\"name\": \"" + "x".repeat(100_000) + "\"}"));
		attacks.add(expandingDocx(app));
		attacks.add(badTokens(app));
		attacks.add(wrongBasic(app));
		attacks.add(wrongForm(app));
		return attacks;
	}

	private static Attack sql(Target app, String name, String sql) {
		return new Attack(name, () -> {
			HttpResponse<String> response = app.send(app.postJson("/api/insights/query", "{\"sql\": " + quote(sql) + "}"));
			boolean truncated = response.statusCode() == 200 && response.body().contains("\"truncated\":true");
			return response.statusCode() + (truncated ? " (truncated)" : "");
		});
	}

	private static Attack mlflow(Target app, String name, String call, String json) {
		return new Attack(name,
				() -> Integer.toString(app.send(app.postJson("/api/2.0/mlflow/" + call, json)).statusCode()));
	}

	/** 16 heavy queries by one analyst at once, then a short one by another: how long the short one waits. */
	private static Attack fairness(Target app) throws Exception {
		String other = user(app, "abuse-analyst", "ANALYST");
		return new Attack("SQL: COUNT(*) while another user runs 16 heavy queries", () -> {
			String heavy = "{\"sql\": \"SELECT COUNT(*) FROM reviews a, reviews b, reviews c WHERE a.review_id < 300\"}";
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				Thread thread = new Thread(() -> {
					try {
						app.send(app.postJson("/api/insights/query", heavy));
					}
					catch (Exception ignored) {
						// only the short query is measured
					}
				});
				thread.start();
				threads.add(thread);
			}
			Thread.sleep(500);
			long start = System.nanoTime();
			HttpResponse<String> shortOne = app.send(app.request("/api/insights/query", other)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"SELECT COUNT(*) FROM reviews\"}")));
			long ms = (System.nanoTime() - start) / 1_000_000;
			for (Thread thread : threads) {
				thread.join(Duration.ofMinutes(5).toMillis());
			}
			return "short query " + shortOne.statusCode() + " in " + ms + " ms";
		});
	}

	/** A DOCX of 95 MB of repetitive XML that packs into a few MB: how long until the document is no longer working. */
	private static Attack expandingDocx(Target app) {
		return new Attack("Document Q&A: DOCX expanding to 95 MB", () -> {
			String collection = "abuse-" + System.currentTimeMillis();
			app.send(app.postJson("/api/docqa/collections", "{\"name\": \"" + collection + "\"}"));
			try {
				String boundary = "abuse" + System.nanoTime();
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.docx\"\r\n"
						+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
				body.write(docx(95L * 1024 * 1024));
				body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
				HttpResponse<String> upload = app.send(app.request("/api/docqa/collections/" + collection + "/documents", app.admin)
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
				if (upload.statusCode() >= 300) {
					return "upload " + upload.statusCode();
				}
				for (int i = 0; i < 1200; i++) {
					String list = app.send(app.get("/api/docqa/collections/" + collection + "/documents", app.admin)).body();
					Matcher status = Pattern.compile("\"status\"\\s*:\\s*\"([a-z]+)\"").matcher(list);
					if (status.find() && !List.of("queued", "extracting", "embedding").contains(status.group(1))) {
						return status.group(1);
					}
					Thread.sleep(500);
				}
				return "still working after 10 min";
			}
			finally {
				app.send(app.request("/api/docqa/collections/" + collection, app.admin).DELETE());
			}
		});
	}

	private static byte[] docx(long xmlBytes) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
					+ "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
			put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
					+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
				.getBytes(StandardCharsets.UTF_8));
			byte[] paragraph = "<w:p><w:r><w:t>All work and no play makes a dull document.</w:t></w:r></w:p>"
				.getBytes(StandardCharsets.UTF_8);
			for (long written = 0; written < xmlBytes; written += paragraph.length) {
				zip.write(paragraph);
			}
			zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, String text) throws Exception {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static Attack badTokens(Target app) {
		return new Attack("Sign-in: 30 bad API tokens", () -> {
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (int i = 0; i < 30; i++) {
				statuses.merge(app.send(app.get("/api/me", "Bearer eaw_guess" + i).header("X-Forwarded-For", "203.0.113.1"))
					.statusCode(), 1, Integer::sum);
			}
			return counts(statuses);
		});
	}

	private static Attack wrongBasic(Target app) throws Exception {
		String right = user(app, "abuse-basic", "VIEWER");
		return new Attack("Sign-in: 40 wrong Basic passwords, then the right one", () -> {
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (int i = 0; i < 40; i++) {
				statuses.merge(app.send(app.get("/api/me", basic("abuse-basic", "wrong" + i))
					.header("X-Forwarded-For", "203.0.113.2")).statusCode(), 1, Integer::sum);
			}
			int last = app.send(app.get("/api/me", right).header("X-Forwarded-For", "203.0.113.2")).statusCode();
			return counts(statuses) + "; right password: " + last;
		});
	}

	private static Attack wrongForm(Target app) throws Exception {
		user(app, "abuse-form", "VIEWER");
		return new Attack("Sign-in: 40 wrong form passwords, then the right one", () -> {
			AtomicReference<String> location = new AtomicReference<>("");
			for (int i = 0; i <= 40; i++) {
				HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
				String page = browser.send(app.get("/login", null).header("X-Forwarded-For", "203.0.113.3").build(),
						HttpResponse.BodyHandlers.ofString()).body();
				Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
				String form = "username=abuse-form&password=" + URLEncoder.encode(i < 40 ? "wrong" + i : STRONG, StandardCharsets.UTF_8)
						+ "&_csrf=" + (csrf.find() ? csrf.group(1) : "");
				HttpResponse<String> response = browser.send(app.request("/login", null)
					.header("X-Forwarded-For", "203.0.113.3")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
				location.set(response.headers().firstValue("Location").orElse(String.valueOf(response.statusCode())));
			}
			return "right password → " + location.get().replaceFirst("^https?://[^/]+", "");
		});
	}

	/** Creates a user with a strong password (or finds it there) and answers its Basic header. */
	private static String user(Target app, String name, String role) throws Exception {
		app.send(app.postJson("/api/admin/users",
				"{\"username\": \"" + name + "\", \"password\": \"" + STRONG + "\", \"role\": \"" + role + "\"}"));
		return basic(name, STRONG);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String counts(Map<Integer, Integer> statuses) {
		return statuses.entrySet().stream().map(e -> e.getValue() + "×" + e.getKey()).collect(Collectors.joining(", "));
	}

	private static String quote(String text) {
		return AbuseBenchmark.JSON.writeValueAsString(text);
	}

}
