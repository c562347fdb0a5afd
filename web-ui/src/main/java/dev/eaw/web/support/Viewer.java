package dev.eaw.web.support;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import dev.eaw.kernel.Role;

/** The signed-in person as pages see them. */
public record Viewer(String username, Role role) {

	static Viewer of(Authentication auth) {
		Role role = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.flatMap(a -> java.util.Arrays.stream(Role.values()).filter(r -> r.authority().equals(a)))
			.max(Enum::compareTo)
			.orElse(Role.VIEWER);
		return new Viewer(auth.getName(), role);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	public boolean canChange() {
		return role.compareTo(Role.ANALYST) >= 0;
	}

}
