package dev.eaw.docqa;

/**
 * Whether scanned PDF pages and PNG, JPEG and TIFF images are read with OCR on this server, and with what
 * ("tesseract 5.3.0 (eng)"), or why not ("off (eaw.docqa.ocr=off)", "not available: …").
 */
public record OcrStatus(boolean available, String description) {
}
