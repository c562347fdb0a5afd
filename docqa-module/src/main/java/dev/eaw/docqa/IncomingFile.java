package dev.eaw.docqa;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamSource;

/** One uploaded file: its name as sent, its declared size and content type, and its bytes (read once). */
public record IncomingFile(String fileName, long size, @Nullable String contentType, InputStreamSource content) {
}
