package dev.eaw.web.mlops;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.eaw.mlops.TrackingError;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tracking and registry errors on the MLOps pages become the normal error page: an unknown experiment, run or model
 * is a 404, a refused value a 400.
 */
@ControllerAdvice(assignableTypes = { ExperimentPagesController.class, RunPagesController.class,
		RegistryPagesController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class MlopsPageAdvice {

	@ExceptionHandler(TrackingError.class)
	void tracking(TrackingError error, HttpServletResponse response) throws IOException {
		int status = switch (error.code()) {
			case RESOURCE_DOES_NOT_EXIST, ENDPOINT_NOT_FOUND -> 404;
			case INVALID_STATE -> 500;
			default -> 400;
		};
		response.sendError(status, error.getMessage());
	}

}
