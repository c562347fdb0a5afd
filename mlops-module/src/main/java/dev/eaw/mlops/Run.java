package dev.eaw.mlops;

import java.util.List;

/**
 * A run: its info, its data, the datasets it logged as inputs, and (MLflow 3) the logged models it used
 * ({@code inputs.model_inputs}) and produced ({@code outputs.model_outputs}), the shape MLflow answers with.
 */
public record Run(RunInfo info, RunData data, List<DatasetInput> inputs, List<String> modelInputs,
		List<ModelOutput> modelOutputs) {

	/** A run without logged models. */
	public Run(RunInfo info, RunData data, List<DatasetInput> inputs) {
		this(info, data, inputs, List.of(), List.of());
	}

}
