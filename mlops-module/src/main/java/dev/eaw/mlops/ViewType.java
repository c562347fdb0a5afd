package dev.eaw.mlops;

/** Which lifecycle stages a search returns, as MLflow's {@code ViewType}. */
public enum ViewType {

	ACTIVE_ONLY, DELETED_ONLY, ALL

}
