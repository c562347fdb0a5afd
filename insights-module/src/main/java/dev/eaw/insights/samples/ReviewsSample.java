package dev.eaw.insights.samples;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * The {@code reviews} demo dataset: 2,000 product reviews from 2024-01-01 to 2025-12-31 with columns
 * {@code review_id, product, review_date, stars, review}. Deterministic (seed 42). Each review is built from phrases
 * that match its stars: 4–5 clearly positive, 1–2 clearly negative, 3 mixed ("…, but …"). Two stories hide in it:
 * the Trail Runner shoe gets worse from July 2025 (more low-star reviews), and the Aero Blender improves.
 */
public final class ReviewsSample {

	static final int ROWS = 2000;

	private static final List<String> PRODUCTS = List.of("Trail Runner Shoes", "Aero Blender", "Nimbus Headphones",
			"Summit Backpack", "Lumen Desk Lamp", "Brew Master Kettle", "Pixel Smartwatch", "Cozy Wool Blanket");

	private static final List<String> ASPECTS = List.of("quality", "price", "delivery", "battery", "design",
			"comfort", "customer service", "packaging", "sound", "size");

	private static final List<String> PRAISE = List.of("I absolutely love it", "Excellent %s, well worth the money",
			"Fantastic %s and it works perfectly", "Great %s, exceeded my expectations",
			"Superb %s, I would happily buy it again", "The %s is wonderful and I am very happy",
			"Brilliant product with outstanding %s", "Really impressed by the %s");

	private static final List<String> COMPLAINTS = List.of("Terrible %s, I want a refund",
			"The %s is awful and it broke within a week", "Very disappointed with the %s",
			"Worst purchase I have made, the %s is poor", "The %s was a complete waste of money",
			"Horrible %s and useless support", "It stopped working and the %s is bad",
			"I regret buying it, the %s is dreadful");

	private static final List<String> MIXED = List.of("The %s is good, but the %s is disappointing",
			"I like the %s, however the %s could be much better", "Decent %s, but the %s is poor",
			"The %s is nice although the %s let me down");

	private ReviewsSample() {
	}

	public static void write(Writer out) throws IOException {
		Random random = new Random(42);
		LocalDate first = LocalDate.of(2024, 1, 1);
		out.write("review_id,product,review_date,stars,review\n");
		for (int id = 1; id <= ROWS; id++) {
			String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
			LocalDate day = first.plusDays(random.nextInt(731));
			int stars = stars(random, product, day);
			out.write(id + "," + csv(product) + "," + day + "," + stars + "," + csv(text(random, stars)) + "\n");
		}
	}

	private static int stars(Random random, String product, LocalDate day) {
		double mean = 3.8;
		if (product.startsWith("Trail Runner") && day.isAfter(LocalDate.of(2025, 6, 30))) {
			mean = 2.1;
		}
		if (product.startsWith("Aero Blender")) {
			mean = day.isBefore(LocalDate.of(2025, 1, 1)) ? 2.6 : 4.3;
		}
		return (int) Math.max(1, Math.min(5, Math.round(mean + random.nextGaussian() * 1.1)));
	}

	private static String text(Random random, int stars) {
		String aspect = ASPECTS.get(random.nextInt(ASPECTS.size()));
		String other = ASPECTS.get(random.nextInt(ASPECTS.size()));
		if (stars >= 4) {
			return String.format(PRAISE.get(random.nextInt(PRAISE.size())), aspect) + ". "
					+ (stars == 5 ? "Highly recommended!" : "Good value overall.");
		}
		if (stars <= 2) {
			return String.format(COMPLAINTS.get(random.nextInt(COMPLAINTS.size())), aspect) + ". "
					+ (stars == 1 ? "Avoid this product." : "Not recommended.");
		}
		return String.format(MIXED.get(random.nextInt(MIXED.size())), aspect, other.equals(aspect) ? "packaging" : other)
				+ ".";
	}

	static String csv(String value) {
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
