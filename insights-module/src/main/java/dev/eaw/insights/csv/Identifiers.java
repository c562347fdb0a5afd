package dev.eaw.insights.csv;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParser;

import dev.eaw.kernel.InvalidInput;

/** SQL-safe names: lower-case identifiers that can be typed unquoted in the SQL box. */
public final class Identifiers {

	private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private static final SqlAbstractParserImpl.Metadata SQL = SqlParser.create("").getMetadata();

	private Identifiers() {
	}

	/** Checks a dataset name, explaining what is wrong with it. */
	public static String datasetName(String name) {
		String trimmed = name.strip();
		if (!VALID.matcher(trimmed).matches()) {
			throw new InvalidInput("'" + name + "' cannot be a dataset name: use lower-case letters, digits and _, "
					+ "starting with a letter, at most 63 characters (e.g. sales_2024).");
		}
		if (isReserved(trimmed)) {
			throw new InvalidInput("'" + name + "' is a reserved SQL word; choose another dataset name.");
		}
		return trimmed;
	}

	public static boolean isReserved(String name) {
		return SQL.isReservedWord(name.toUpperCase(Locale.ROOT));
	}

	/** Column names from a header: lower-cased, other characters as _, unique, never empty. */
	public static List<String> columnNames(List<String> header) {
		List<String> names = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
			name = name.replaceAll("_+", "_").replaceAll("^_|_$", "");
			if (name.isEmpty()) {
				name = "col_" + (i + 1);
			}
			if (!Character.isLetter(name.charAt(0))) {
				name = "c_" + name;
			}
			if (name.length() > 60) {
				name = name.substring(0, 60);
			}
			String unique = name;
			for (int n = 2; !taken.add(unique); n++) {
				unique = name + "_" + n;
			}
			names.add(unique);
		}
		return names;
	}

	/** A double-quoted identifier for statements the application writes itself. */
	public static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

}
