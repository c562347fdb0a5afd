package dev.eaw.web.support;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.eaw.kernel.DatabaseOutage;

/**
 * Where every error that no controller handled ends up: an RFC 9457 problem body for API paths and non-HTML
 * clients, the one {@code error.html} page for browsers. A failure because the database could not be reached is a 503
 * with {@code Retry-After}.
 */
@Controller
@RequestMapping("/error")
class ProblemErrorController implements ErrorController {

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request, HttpStatus.INTERNAL_SERVER_ERROR);
		if (isApi(request)) {
			ProblemResponses.write(request, response, status, detail(request, status));
			return null;
		}
		response.setStatus(status.value());
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER);
		}
		return new ModelAndView("error", Map.of("status", status.value()), status);
	}

	@RequestMapping("/{code:\\d{3}}")
	ModelAndView statusPage(@PathVariable int code, HttpServletResponse response) {
		HttpStatus status = HttpStatus.resolve(code);
		HttpStatus shown = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
		response.setStatus(shown.value());
		return new ModelAndView("error", Map.of("status", shown.value()), shown);
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request, HttpStatus.INTERNAL_SERVER_ERROR);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(request, status));
		problem.setTitle(status.getReasonPhrase());
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, DatabaseOutage.RETRY_AFTER);
		}
		return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && (uri.toString().startsWith("/api/") || uri.toString().startsWith("/actuator/"));
	}

	private static HttpStatus status(HttpServletRequest request, HttpStatus otherwise) {
		if (outage(request)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			return status == null ? otherwise : status;
		}
		return otherwise;
	}

	/**
	 * Whether the request failed because the database could not be reached (it is answered 503, not 500): the failure
	 * says so, or a filter sent the error with {@link DatabaseOutage#DETAIL}.
	 */
	private static boolean outage(HttpServletRequest request) {
		return DatabaseOutage.isCause((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))
				|| DatabaseOutage.DETAIL.equals(request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
	}

	private static String detail(HttpServletRequest request, HttpStatus status) {
		if (status == HttpStatus.SERVICE_UNAVAILABLE && outage(request)) {
			return DatabaseOutage.DETAIL;
		}
		Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		if (status.is4xxClientError() && message instanceof String text && !text.isBlank()) {
			return text;
		}
		return switch (status) {
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not take that HTTP method.";
			case PAYLOAD_TOO_LARGE -> "The upload is larger than the server accepts.";
			default -> status.is5xxServerError() ? "The server failed; the log has the details." : status.getReasonPhrase();
		};
	}

}
