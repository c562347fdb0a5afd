package dev.eaw.web.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator.
 *
 * @param password the password of the {@code admin} account created on first start when there are no users yet
 * ({@code EAW_ADMIN_PASSWORD}); without it a random one is generated and written once to the log
 */
@ConfigurationProperties("eaw.admin")
record AdminSettings(@Nullable String password) {
}
