package dev.eaw.docqa;

import java.util.List;

/**
 * Collections (knowledge bases), addressed by their name: lower-case letters, digits, {@code -} and {@code _}, at
 * most 63 characters.
 */
public interface DocumentCollections {

	/** Creates a collection; a taken name is a {@link dev.eaw.kernel.Conflict}, a bad one {@link dev.eaw.kernel.InvalidInput}. */
	DocumentCollection create(String name, String description, String user);

	/** All collections, by name. */
	List<DocumentCollection> list();

	/** The collection, or {@link dev.eaw.kernel.NotFound}. */
	DocumentCollection get(String name);

	/** Deletes a collection with its documents, chunks, vectors and files. */
	void delete(String name, String user);

}
