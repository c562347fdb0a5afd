package dev.eaw.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.eaw.web.support.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stops sign-in attempts of a locked account or client before any credential is checked: HTTP Basic and API tokens
 * get a 429 problem with {@code Retry-After}, the sign-in form is sent back to {@code /login?locked}. It also refuses
 * an {@code Authorization} header that is neither Basic nor Bearer with a 401, so that no header can stand in for
 * credentials (a browser session's writes skip the CSRF check only for real Basic or Bearer credentials, which the
 * filters after this one then verify).
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	SignInThrottleFilter(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		boolean formSignIn = header == null && "POST".equals(request.getMethod())
				&& "/login".equals(request.getServletPath());
		if (header == null && !formSignIn) {
			chain.doFilter(request, response);
			return;
		}
		if (header != null && !isBasic(header) && !isBearer(header)) {
			ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
					"The Authorization header must be HTTP Basic credentials or a Bearer API token.");
			return;
		}
		String username = formSignIn ? request.getParameter("username") : basicUsername(header);
		Optional<Duration> locked = throttle.locked(username, request.getRemoteAddr());
		if (locked.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (locked.get().toMillis() + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(seconds));
		if (formSignIn) {
			response.sendRedirect(request.getContextPath() + "/login?locked=" + seconds);
			return;
		}
		ProblemResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
				"Too many failed sign-ins: try again in " + seconds + " s.");
	}

	private static boolean isBasic(String header) {
		return header.regionMatches(true, 0, "Basic ", 0, 6) && header.length() > 6;
	}

	private static boolean isBearer(String header) {
		return header.regionMatches(true, 0, "Bearer ", 0, 7) && header.length() > 7;
	}

	/** The username of Basic credentials, or null for a token or an undecodable header (the Basic filter refuses it). */
	static @Nullable String basicUsername(@Nullable String header) {
		if (header == null || !isBasic(header)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
