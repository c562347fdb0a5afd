package dev.eaw.insights;

import java.util.List;

/**
 * How a CSV file is read: what was inferred from it and shown for confirmation, or what the user chose instead.
 *
 * @param delimiter the field separator: {@code ,} {@code ;} tab or {@code |}
 * @param header whether the first line holds column names
 * @param columns the columns in file order, with the names and types they are loaded as
 */
public record CsvLayout(char delimiter, boolean header, List<Column> columns) {

	public String delimiterName() {
		return switch (delimiter) {
			case '\t' -> "tab";
			case ';' -> "semicolon";
			case '|' -> "pipe";
			default -> "comma";
		};
	}

}
