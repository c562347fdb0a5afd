package dev.eaw.insights.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.eaw.insights.Column;
import dev.eaw.insights.ColumnType;
import dev.eaw.insights.CsvInspection;
import dev.eaw.insights.CsvLayout;
import dev.eaw.kernel.InvalidInput;

/**
 * Infers how to read a CSV from its first megabyte: the delimiter whose field count is most consistent, whether the
 * first line is a header, and for each column the narrowest type all sampled values fit.
 */
public final class CsvInspector {

	static final int SAMPLE_BYTES = 1024 * 1024;

	private static final char[] DELIMITERS = { ',', ';', '\t', '|' };

	private static final ColumnType[] NARROWEST_FIRST = { ColumnType.INTEGER, ColumnType.DECIMAL, ColumnType.BOOLEAN,
			ColumnType.DATE, ColumnType.TIMESTAMP };

	private CsvInspector() {
	}

	public static CsvInspection inspect(Path csv) throws IOException {
		long size = Files.size(csv);
		if (size == 0) {
			throw new InvalidInput("The file is empty.");
		}
		String text = head(csv);
		if (text.isBlank()) {
			throw new InvalidInput("The file holds no data, only blank lines.");
		}
		char delimiter = delimiter(text);
		List<List<String>> records = records(text, delimiter, size > SAMPLE_BYTES);
		if (records.isEmpty()) {
			throw new InvalidInput("The file holds no data.");
		}
		int width = records.get(0).size();
		List<List<String>> body = records.size() > 1 ? records.subList(1, records.size()) : List.of();
		List<ColumnType> bodyTypes = types(body, width);
		boolean header = isHeader(records.get(0), bodyTypes, body.isEmpty());
		List<String> names = header ? Identifiers.columnNames(records.get(0))
				: Identifiers.columnNames(java.util.Collections.nCopies(width, ""));
		List<ColumnType> types = header ? bodyTypes : types(records, width);
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < width; i++) {
			columns.add(new Column(names.get(i), types.get(i)));
		}
		List<List<String>> sample = (header ? body : records).stream().limit(20).toList();
		return new CsvInspection(new CsvLayout(delimiter, header, columns), sample, size);
	}

	/** The first megabyte as UTF-8 text; binary or non-UTF-8 content is refused. */
	static String head(Path csv) throws IOException {
		byte[] bytes;
		try (InputStream in = Files.newInputStream(csv)) {
			bytes = in.readNBytes(SAMPLE_BYTES);
		}
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				throw new InvalidInput("This is a binary file, not CSV text (a NUL byte at position " + i + ").");
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		boolean whole = bytes.length < SAMPLE_BYTES;
		// a multi-byte character cut at the end of the sample is not an error: it stays undecoded
		CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, whole);
		if (result.isError() || (whole && decoder.flush(out).isError())) {
			throw new InvalidInput("The file is not UTF-8 text; save it as UTF-8 CSV and upload it again.");
		}
		String text = out.flip().toString();
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static char delimiter(String text) throws IOException {
		char best = ',';
		double bestScore = -1;
		for (char candidate : DELIMITERS) {
			List<Integer> widths = new ArrayList<>();
			try {
				for (List<String> record : records(text, candidate, true)) {
					widths.add(record.size());
					if (widths.size() == 50) {
						break;
					}
				}
			}
			catch (InvalidInput ex) {
				continue;
			}
			if (widths.isEmpty() || widths.get(0) < 2) {
				continue;
			}
			long same = widths.stream().filter(w -> w.equals(widths.get(0))).count();
			double score = (double) same / widths.size() + widths.get(0) / 1000.0;
			if (score > bestScore) {
				bestScore = score;
				best = candidate;
			}
		}
		return best;
	}

	private static List<List<String>> records(String text, char delimiter, boolean dropLast) throws IOException {
		CsvParser parser = new CsvParser(new StringReader(text), delimiter);
		List<List<String>> records = new ArrayList<>();
		try {
			for (CsvRecord record = parser.next(); record != null && records.size() < 10_000; record = parser.next()) {
				records.add(record.fields());
			}
		}
		catch (InvalidInput ex) {
			if (!dropLast) {
				throw ex;
			}
		}
		if (dropLast && records.size() > 1 && !text.endsWith("\n")) {
			records.remove(records.size() - 1);
		}
		return records;
	}

	private static List<ColumnType> types(List<List<String>> rows, int width) {
		List<ColumnType> types = new ArrayList<>();
		for (int c = 0; c < width; c++) {
			types.add(type(rows, c));
		}
		return types;
	}

	private static ColumnType type(List<List<String>> rows, int column) {
		boolean any = false;
		for (ColumnType candidate : NARROWEST_FIRST) {
			boolean all = true;
			for (List<String> row : rows) {
				if (column >= row.size() || row.get(column).isBlank()) {
					continue;
				}
				any = true;
				if (!Values.fits(row.get(column), candidate)) {
					all = false;
					break;
				}
			}
			if (!any) {
				return ColumnType.TEXT;
			}
			if (all) {
				return candidate;
			}
		}
		return ColumnType.TEXT;
	}

	private static boolean isHeader(List<String> first, List<ColumnType> bodyTypes, boolean onlyLine) {
		if (onlyLine) {
			return true;
		}
		boolean typedColumnBreaks = false;
		for (int c = 0; c < first.size() && c < bodyTypes.size(); c++) {
			if (bodyTypes.get(c) != ColumnType.TEXT && !first.get(c).isBlank() && !Values.fits(first.get(c), bodyTypes.get(c))) {
				typedColumnBreaks = true;
			}
		}
		if (typedColumnBreaks) {
			return true;
		}
		boolean anyTyped = bodyTypes.stream().anyMatch(t -> t != ColumnType.TEXT);
		if (anyTyped) {
			return false;
		}
		return first.stream().noneMatch(String::isBlank) && first.stream().distinct().count() == first.size();
	}

}
