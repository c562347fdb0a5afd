package dev.eaw.web.support;

import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Messages shown once by the layout after a redirect: {@code flashMessage} (keys or text) and {@code flashError}. */
public final class Flash {

	private Flash() {
	}

	/** A success message by message key, with arguments. */
	public static void done(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("flashMessage", key);
		redirect.addFlashAttribute("flashArgs", args);
	}

	/** The reason a request was refused, as the problem detail says it. */
	public static void refused(RedirectAttributes redirect, ErrorResponseException ex) {
		String detail = ex.getBody().getDetail();
		refused(redirect, detail == null ? ex.getMessage() : detail);
	}

	/** The reason a request was refused, as text. */
	public static void refused(RedirectAttributes redirect, String reason) {
		redirect.addFlashAttribute("flashError", reason);
	}

}
