package dev.eaw.web.security;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API chain's security context: a request that carries an {@code Authorization} header is judged by those
 * credentials alone, never by the browser session beside them. Otherwise a session plus Basic credentials naming the
 * session's own user would pass without the password being checked (Spring's Basic filter skips users already signed
 * in), and such a request also skips the CSRF check.
 */
class CredentialsOverSession implements SecurityContextRepository {

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository delegate = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	@Override
	@SuppressWarnings("deprecation")
	public SecurityContext loadContext(HttpRequestResponseHolder holderOfRequest) {
		return hasCredentials(holderOfRequest.getRequest()) ? holder.createEmptyContext()
				: delegate.loadContext(holderOfRequest);
	}

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (!hasCredentials(request)) {
			return delegate.loadDeferredContext(request);
		}
		return new DeferredSecurityContext() {

			@Override
			public SecurityContext get() {
				return holder.createEmptyContext();
			}

			@Override
			public boolean isGenerated() {
				return true;
			}

		};
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		if (!hasCredentials(request)) {
			delegate.saveContext(context, request, response);
		}
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return !hasCredentials(request) && delegate.containsContext(request);
	}

	private static boolean hasCredentials(HttpServletRequest request) {
		return request.getHeader("Authorization") != null;
	}

}
