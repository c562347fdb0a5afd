package dev.eaw.mlops.serving;

import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import dev.eaw.mlops.ModelAliasDeleted;
import dev.eaw.mlops.ModelAliasSet;
import dev.eaw.mlops.ModelVersionDeleted;
import dev.eaw.mlops.ModelVersionRegistered;
import dev.eaw.mlops.RegisteredModelRemoved;

/**
 * Serving follows the registry's events only once the registry's transaction has committed, never inside it: a
 * registry change that rolls back leaves serving as it was, and nothing serving does can spoil the registry's
 * transaction. Events published outside a transaction arrive at once.
 */
public final class ServingEvents {

	private final Resolutions resolutions;

	private final LoadedVersions loaded;

	private final TrafficSplits splits;

	private final PredictionLog predictionLog;

	/** Propagation REQUIRES_NEW: after commit, the registry's transaction is done but still bound to the thread. */
	private final TransactionTemplate ownTransaction;

	ServingEvents(Resolutions resolutions, LoadedVersions loaded, TrafficSplits splits, PredictionLog predictionLog,
			TransactionTemplate ownTransaction) {
		this.resolutions = resolutions;
		this.loaded = loaded;
		this.splits = splits;
		this.predictionLog = predictionLog;
		this.ownTransaction = ownTransaction;
	}

	/** The new version was loaded before the move ({@link AliasGuard}): requests switch to it without waiting. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void aliasSet(ModelAliasSet event) {
		resolutions.aliasSet(event.name(), event.alias(), event.version());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void aliasDeleted(ModelAliasDeleted event) {
		resolutions.aliasDeleted(event.name(), event.alias());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void versionRegistered(ModelVersionRegistered event) {
		resolutions.versionRegistered(event.name());
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void versionDeleted(ModelVersionDeleted event) {
		resolutions.versionDeleted(event.name(), event.version());
		loaded.evict(event.name(), event.version());
	}

	/** Also a renamed model: its old name is gone, with the split and logged rows kept under it. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void modelRemoved(RegisteredModelRemoved event) {
		resolutions.modelRemoved(event.name());
		loaded.evictModel(event.name());
		ownTransaction.executeWithoutResult(status -> {
			splits.remove(event.name());
			predictionLog.forget(event.name());
		});
	}

}
