package dev.eaw.insights.ai;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AI_REDACT in-process: the PII that has a fixed shape, found by patterns and replaced by Snowflake's placeholders
 * ({@code [EMAIL]}, {@code [PHONE_NUMBER]}, {@code [PAYMENT_CARD_DATA]} for numbers passing the Luhn check,
 * {@code [BANK_ACCOUNT]} for IBANs, {@code [IP_ADDRESS]}). Names and addresses need a language model.
 */
public final class Redactor {

	private static final Map<String, Pattern> PATTERNS = patterns();

	private Redactor() {
	}

	private static Map<String, Pattern> patterns() {
		Map<String, Pattern> patterns = new LinkedHashMap<>();
		patterns.put("EMAIL", Pattern.compile("\\b[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}\\b"));
		patterns.put("BANK_ACCOUNT", Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"));
		patterns.put("PAYMENT_CARD_DATA", Pattern.compile("\\b(?:\\d[ -]?){12,18}\\d\\b"));
		patterns.put("IP_ADDRESS", Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"));
		patterns.put("PHONE_NUMBER", Pattern.compile("(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])\\d{3,4}[ .-]?\\d{3,4}\\b"));
		return patterns;
	}

	/** The categories found by patterns, in the order they are applied. */
	public static List<String> categories() {
		return List.copyOf(PATTERNS.keySet());
	}

	/** The text with the given categories (all when empty) replaced by {@code [CATEGORY]}. */
	public static String redact(String text, List<String> categories) {
		String result = text;
		for (Map.Entry<String, Pattern> entry : PATTERNS.entrySet()) {
			if (!categories.isEmpty() && !categories.contains(entry.getKey())) {
				continue;
			}
			Matcher matcher = entry.getValue().matcher(result);
			StringBuilder out = new StringBuilder();
			while (matcher.find()) {
				boolean card = entry.getKey().equals("PAYMENT_CARD_DATA");
				String replacement = card && !luhn(matcher.group()) ? matcher.group() : "[" + entry.getKey() + "]";
				matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
			}
			matcher.appendTail(out);
			result = out.toString();
		}
		return result;
	}

	private static boolean luhn(String number) {
		String digits = number.replaceAll("\\D", "");
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			sum += i % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
		}
		return sum % 10 == 0;
	}

}
