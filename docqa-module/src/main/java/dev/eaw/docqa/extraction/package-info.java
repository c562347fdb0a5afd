/**
 * Internal: recognising a file's type by its content (and name), and extracting its text as blocks (headings and
 * paragraphs) with the page each starts on. Scanned PDF pages and PNG, JPEG and TIFF images through the {@code
 * tesseract} command ({@link dev.eaw.docqa.extraction.Ocr}, when it is installed and on). PDF through PDFBox (pages
 * kept; encrypted, corrupt and, without OCR, image-only files refused), DOCX through POI (heading styles), HTML
 * through jsoup ({@code h1}–{@code h6}), Markdown through commonmark ({@code #} headings) and plain text (paragraphs
 * between blank lines). A {@link dev.eaw.docqa.extraction.Refusal} carries the reason a file cannot be used.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.extraction;
