package dev.eaw.web.docqa;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.eaw.docqa.OcrStatus;

/**
 * {@code /actuator/health} component {@code docqaOcr}: whether scanned PDFs and images are read with OCR, and with
 * what. Always up (a server without OCR works, it refuses scans with the reason); the details say which.
 */
@Component("docqaOcrHealthIndicator")
class DocqaOcrHealth implements HealthIndicator {

	private final OcrStatus ocr;

	DocqaOcrHealth(OcrStatus ocr) {
		this.ocr = ocr;
	}

	@Override
	public Health health() {
		return Health.up().withDetail("available", ocr.available()).withDetail("engine", ocr.description()).build();
	}

}
