/** The Document Q&amp;A REST API: collections, document uploads and ingestion status, hybrid search, extractive answers. */
@org.jspecify.annotations.NullMarked
package dev.eaw.web.docqa;
