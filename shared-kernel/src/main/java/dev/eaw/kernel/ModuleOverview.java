package dev.eaw.kernel;

import java.util.LinkedHashMap;

/**
 * How a module reports itself on the home dashboard and in health: a few live counts. Each module provides one bean.
 */
public interface ModuleOverview {

	/** A stable key, also the message-key prefix of the module's card, e.g. {@code insights}. */
	String key();

	/**
	 * Live counts by name, in display order (the card's label is the message {@code <key>.count.<name>}); throws when
	 * the module's storage cannot be read.
	 */
	LinkedHashMap<String, Long> counts();

}
