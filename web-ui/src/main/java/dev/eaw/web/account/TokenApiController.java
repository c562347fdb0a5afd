package dev.eaw.web.account;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.eaw.kernel.ApiToken;
import dev.eaw.kernel.ApiTokens;
import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.IssuedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/tokens")
@Tag(name = "API tokens", description = "Your personal tokens for Authorization: Bearer …")
class TokenApiController {

	private final ApiTokens tokens;

	TokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record NewToken(@org.jspecify.annotations.Nullable String name) {
	}

	@GetMapping
	@Operation(summary = "Your active tokens (never their secrets)")
	List<ApiToken> list(Principal principal) {
		return tokens.list(principal.getName());
	}

	@PostMapping
	@Operation(summary = "Create a token; the secret is in this response only")
	ResponseEntity<IssuedToken> create(Principal principal, @RequestBody NewToken request) {
		if (request.name() == null) {
			throw new InvalidInput("A token needs a name: {\"name\": \"ci\"}.");
		}
		IssuedToken issued = tokens.issue(principal.getName(), request.name());
		return ResponseEntity.created(URI.create("/api/tokens/" + issued.id())).body(issued);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of your tokens")
	ResponseEntity<Void> revoke(Principal principal, @PathVariable long id) {
		tokens.revoke(principal.getName(), id);
		return ResponseEntity.noContent().build();
	}

}
