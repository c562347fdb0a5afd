package dev.eaw.web.security;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.eaw.kernel.ApiTokens;
import dev.eaw.kernel.DatabaseOutage;
import dev.eaw.web.support.ProblemResponses;
import dev.eaw.kernel.UserAccount;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal API token. A wrong, revoked or disabled
 * user's token gets a 401 problem at once, a token that cannot be checked because the database is not reachable a 503;
 * the token's user is never stored in a session.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final SignInAudit audit;

	BearerTokenFilter(ApiTokens tokens, SignInAudit audit) {
		this.tokens = tokens;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			chain.doFilter(request, response);
			return;
		}
		String secret = header.substring(BEARER.length()).strip();
		UserAccount user;
		try {
			user = tokens.authenticate(secret).orElse(null);
		}
		catch (RuntimeException ex) {
			if (!DatabaseOutage.isCause(ex)) {
				throw ex;
			}
			log.warn("An API token could not be checked because the database is not reachable: {}", ex.toString());
			ProblemResponses.outage(request, response);
			return;
		}
		if (user == null) {
			audit.failed(null, request.getRemoteAddr(), "invalid or revoked API token");
			ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
					"The API token is invalid or has been revoked.");
			return;
		}
		User principal = new User(user.username(), "", List.of(new SimpleGrantedAuthority(user.role().authority())));
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
