package dev.eaw.docqa;

/** Published when a collection was deleted with everything in it. */
public record CollectionDeleted(String collection, String user) {
}
