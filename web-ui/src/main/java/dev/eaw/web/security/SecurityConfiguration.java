package dev.eaw.web.security;

import java.io.IOException;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import dev.eaw.kernel.ApiTokens;
import dev.eaw.kernel.DatabaseOutage;
import dev.eaw.web.support.ProblemResponses;
import dev.eaw.kernel.UserAccounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two filter chains. The API chain ({@code /api/**}, MLflow's {@code /ajax-api/**} and its root routes
 * {@code /version}, {@code /get-artifact}, {@code /model-versions/get-artifact}, {@code /actuator/**}) takes HTTP
 * Basic, personal API tokens or
 * the browser's session, answers 401/403 with problem bodies (503 when the database cannot be reached to check the
 * credentials) and asks for a CSRF token only from the browser. The
 * page chain signs people in with a form. In both, reading needs VIEWER, changing needs ANALYST, and
 * administration needs ADMIN; everyone may manage their own account and tokens. MLflow's search endpoints and the
 * registry's {@code get-latest-versions} are POSTs that only read, so VIEWER may call them, as may model scoring
 * ({@code /api/mlops/serving/…/invocations}) and asking a document collection a question.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Pages run only the application's own scripts (no inline code: pages pass data in JSON blocks), connect only to
	 * the application, and are never framed. Inline styles stay allowed for progress bars and chart shades.
	 */
	static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** API answers are data: nothing in them may run, load or be framed, even when opened in a browser. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

	@Bean
	RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.withDefaultRolePrefix().role("ADMIN").implies("ANALYST").role("ANALYST").implies("VIEWER").build();
	}

	@Bean
	UserDetailsService userDetailsService(UserAccounts accounts) {
		return username -> accounts.find(username)
			.map(user -> User.withUsername(user.username())
				.password(accounts.passwordHash(user.username()).orElseThrow())
				.roles(user.role().name())
				.disabled(!user.enabled())
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	@Bean
	SignInThrottle signInThrottle(SignInSettings settings) {
		return new SignInThrottle(settings, Clock.systemUTC());
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, SignInAudit audit, SignInThrottle throttle)
			throws Exception {
		// MLflow's server also routes /version, /get-artifact and /model-versions/get-artifact at its root
		http.securityMatcher("/api/**", "/ajax-api/**", "/actuator/**", "/version", "/get-artifact",
				"/model-versions/get-artifact")
			.authorizeHttpRequests(auth -> {
				auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll();
				auth.requestMatchers("/actuator/**", "/api/admin/**").hasRole("ADMIN");
				auth.requestMatchers("/api/tokens/**", "/api/tokens", "/api/me").authenticated();
				// a multipart upload's part URL is a grant like a presigned S3 URL (its upload id is 128 random bits,
				// handed out by mpu/create to an ANALYST): MLflow's client PUTs parts there without credentials
				auth.requestMatchers(HttpMethod.PUT, "/api/2.0/mlflow-artifacts/mpu/parts/*/*").permitAll();
				// MLflow searches and get-latest-versions are POSTs that only read
				auth.requestMatchers(HttpMethod.POST, "/api/2.0/mlflow/*/search", "/ajax-api/2.0/mlflow/*/search",
						"/api/2.0/mlflow/registered-models/get-latest-versions",
						"/ajax-api/2.0/mlflow/registered-models/get-latest-versions")
					.hasRole("VIEWER");
				// scoring a model only reads it (traffic splits stay ANALYST)
				auth.requestMatchers(HttpMethod.POST, "/api/mlops/serving/ping", "/api/mlops/serving/*/invocations",
						"/api/mlops/serving/*/*/invocations")
					.hasRole("VIEWER");
				// asking a collection a question only reads it
				auth.requestMatchers(HttpMethod.POST, "/api/docqa/collections/*/ask", "/api/docqa/collections/*/ask/stream")
					.hasRole("VIEWER");
				byRole(auth);
			})
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::signInOrOutage))
			.addFilterBefore(new SignInThrottleFilter(throttle), CsrfFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, audit), BasicAuthenticationFilter.class)
			.securityContext(context -> context.securityContextRepository(new CredentialsOverSession()))
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint(SecurityConfiguration::signInOrOutage)
				.accessDeniedHandler((request, response, e) -> ProblemResponses.write(request, response,
						HttpStatus.FORBIDDEN, "Your role does not allow this.")))
			.csrf(csrf -> csrf.requireCsrfProtectionMatcher(browserWrites()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
			.requestCache(cache -> cache.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, SignInThrottle throttle) throws Exception {
		http.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> {
			auth.requestMatchers("/login", "/error", "/error/**", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico",
					"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll();
			auth.requestMatchers("/admin/**").hasRole("ADMIN");
			auth.requestMatchers("/account/**", "/logout").authenticated();
			byRole(auth);
		})
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(formFailure())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
			.exceptionHandling(ex -> ex.accessDeniedPage("/error/403"));
		return http.build();
	}

	/**
	 * The API's answer when a call is not authenticated: 401, or 503 when the credentials could not be checked because
	 * the database is not reachable (the user lookup failed, not the password).
	 */
	private static void signInOrOutage(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		if (DatabaseOutage.isCause(failure)) {
			ProblemResponses.outage(request, response);
			return;
		}
		ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
				"Sign in with HTTP Basic or an API token (Authorization: Bearer …).");
	}

	/** A wrong password goes back to the form; an unreachable database shows the 503 page instead. */
	private static AuthenticationFailureHandler formFailure() {
		AuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler("/login?error");
		return (request, response, failure) -> {
			if (DatabaseOutage.isCause(failure)) {
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value(), DatabaseOutage.DETAIL);
				return;
			}
			wrongPassword.onAuthenticationFailure(request, response, failure);
		};
	}

	/** Reads need VIEWER, everything else ANALYST. */
	private static void byRole(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
		auth.requestMatchers(HttpMethod.GET).hasRole("VIEWER")
			.requestMatchers(HttpMethod.HEAD).hasRole("VIEWER")
			.anyRequest()
			.hasRole("ANALYST");
	}

	/**
	 * A write from the browser (a session, no Authorization header) must carry the CSRF token; token and Basic calls
	 * need not (they are judged by their credentials alone, see {@link CredentialsOverSession}, and any other
	 * Authorization header is a 401, see {@link SignInThrottleFilter}), and an anonymous call without a session gets
	 * its 401 rather than a CSRF 403.
	 */
	private static RequestMatcher browserWrites() {
		return request -> request.getHeader("Authorization") == null && request.getSession(false) != null
				&& !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD")
						|| request.getMethod().equals("OPTIONS") || request.getMethod().equals("TRACE"));
	}

}
