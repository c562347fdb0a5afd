package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * MLflow's model registry: registered models with numbered versions, stages, tags and aliases. Failures are
 * {@link TrackingError}s with MLflow's error codes. Changes publish events ({@link ModelAliasSet},
 * {@link ModelAliasDeleted}, {@link ModelVersionRegistered}, {@link ModelVersionDeleted},
 * {@link RegisteredModelRemoved}) that listeners should take after the commit, as serving does.
 */
public interface ModelRegistry {

	/** Registers a model; a taken name is RESOURCE_ALREADY_EXISTS. */
	RegisteredModel createModel(String name, List<Tag> tags, @Nullable String description, @Nullable String userId);

	RegisteredModel getModel(String name);

	RegisteredModel renameModel(String name, String newName);

	RegisteredModel updateModel(String name, @Nullable String description);

	/** Deletes a model with its versions, tags and aliases. */
	void deleteModel(String name);

	/** At most 1000 a page, by name unless ordered otherwise. */
	Page<RegisteredModel> searchModels(RegistrySearch search);

	/** The latest version in each of the given stages (all stages when none are given). */
	List<ModelVersion> latestVersions(String name, List<String> stages);

	void setModelTag(String name, Tag tag);

	/** Deletes a tag; one the model does not have is no error, as in MLflow. */
	void deleteModelTag(String name, String key);

	/**
	 * Points an alias at a version (moving it if it named another); {@code latest} and {@code v<n>} are reserved. An
	 * {@link AliasMoveCheck} (serving) is asked first and may refuse, leaving everything as it was.
	 */
	void setAlias(String name, String alias, String version);

	/** Deletes an alias; one the model does not have is no error, as in MLflow. */
	void deleteAlias(String name, String alias);

	ModelVersion getByAlias(String name, String alias);

	/** Adds the next version ("1", "2", … never reused) in stage None, status READY. */
	ModelVersion createVersion(NewModelVersion version);

	ModelVersion getVersion(String name, String version);

	ModelVersion updateVersion(String name, String version, @Nullable String description);

	void deleteVersion(String name, String version);

	/** Newest first unless ordered otherwise. */
	Page<ModelVersion> searchVersions(RegistrySearch search);

	/** Moves a version to a stage; with {@code archiveExisting} the others in that (active) stage go to Archived. */
	ModelVersion transitionStage(String name, String version, String stage, boolean archiveExisting);

	/** Where the version's files are: its source, or the logged model's artifact uri for a {@code models:/m-…} source. */
	String downloadUri(String name, String version);

	void setVersionTag(String name, String version, Tag tag);

	void deleteVersionTag(String name, String version, String key);

}
