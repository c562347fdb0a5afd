package dev.eaw.docqa.extraction;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a DOCX once without keeping anything, counting the bytes each part really inflates to (declared sizes can
 * lie), before POI builds it in memory: a file over the {@link ExtractionLimits} is a {@link Refusal}. It checks
 * for an interrupt as it goes, so abandoned work stops.
 */
final class ZipExpansion {

	private ZipExpansion() {
	}

	static void check(Path file, ExtractionLimits limits) throws IOException {
		byte[] buffer = new byte[65536];
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String name = entry.getName();
				boolean xml = name.toLowerCase(Locale.ROOT).endsWith(".xml")
						|| name.toLowerCase(Locale.ROOT).endsWith(".rels");
				long size = 0;
				for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
					size += read;
					total += read;
					if (xml && size > limits.maxXmlPart()) {
						throw new Refusal("The DOCX file is too large when unpacked: its text (" + name + ") is over "
								+ size(limits.maxXmlPart()) + ", the limit.");
					}
					if (total > limits.maxExpanded()) {
						throw new Refusal("The DOCX file is too large when unpacked: over "
								+ size(limits.maxExpanded()) + ", the limit.");
					}
					if (Thread.currentThread().isInterrupted()) {
						throw new InterruptedIOException("Unpacking was interrupted");
					}
				}
			}
		}
	}

	/** A size as "20 MB" or "64 KB" (one decimal when not whole: "5.5 MB"). */
	static String size(long bytes) {
		boolean mega = bytes >= 1 << 20;
		double amount = bytes / (mega ? 1048576.0 : 1024.0);
		return (amount == Math.rint(amount) ? Long.toString((long) amount) : String.format(Locale.ROOT, "%.1f", amount))
				+ (mega ? " MB" : " KB");
	}

}
