package dev.eaw.docqa;

import java.nio.file.Path;

/** A document's original file as uploaded. */
public record DocumentFile(String fileName, String contentType, long size, Path path) {
}
