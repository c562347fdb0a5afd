package dev.eaw.web.mlops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import dev.eaw.insights.Datasets;
import dev.eaw.insights.LoadProgress;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.mlops.ModelTraining;
import dev.eaw.mlops.TrainingJob;
import dev.eaw.mlops.TrainingRequest;

/**
 * Training on a CSV file uploaded with the request: the file is loaded as a new Insights dataset (named by the
 * request's {@code dataset}), then the job is queued. A request that cannot be trained removes the dataset it just
 * made again; an existing dataset is never replaced.
 */
@Component
class CsvTraining {

	private final Datasets datasets;

	private final ModelTraining training;

	CsvTraining(Datasets datasets, ModelTraining training) {
		this.datasets = datasets;
		this.training = training;
	}

	TrainingJob submit(MultipartFile file, Map<String, String> form, String user) {
		if (file.isEmpty()) {
			throw new InvalidInput("The uploaded file is empty.");
		}
		TrainingRequest request = TrainingPagesController.request(form);
		Path csv = null;
		try {
			csv = Files.createTempFile("eaw-training-", ".csv");
			file.transferTo(csv);
			datasets.load(request.dataset(), csv, null, "Uploaded to train a model (" + file.getOriginalFilename() + ")",
					user, LoadProgress.NONE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (csv != null) {
				csv.toFile().delete();
			}
		}
		try {
			return training.submit(request, user);
		}
		catch (RuntimeException ex) {
			datasets.delete(request.dataset(), user);
			throw ex;
		}
	}

}
