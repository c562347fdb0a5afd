package dev.eaw.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, on its own throw-away embedded PostgreSQL, with a known admin password.
 * Every test class that uses it shares one application context (and one database), so tests pick unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eaw.admin.password=" + AppTest.ADMIN_PASSWORD, "eaw.postgres.directory=",
				"eaw.insights.warm-up=false", "spring.servlet.multipart.max-file-size=20MB",
				"spring.servlet.multipart.max-request-size=20MB",
				"eaw.mlops.artifacts=${java.io.tmpdir}/" + AppTest.ARTIFACTS_DIR,
				"eaw.docqa.files=${java.io.tmpdir}/eaw-test-docqa-${random.uuid}/files",
				"eaw.docqa.index=${java.io.tmpdir}/eaw-test-docqa-${random.uuid}/index", "eaw.docqa.max-file=5MB",
				// every test comes from 127.0.0.1 and many sign in as admin: the suite's deliberate failures must not add
				// up to a lock (SignInThrottleTests checks the default limits in a context of its own)
				"eaw.security.client-failures=100000", "eaw.security.account-failures=100000" })
public @interface AppTest {

	String ADMIN_PASSWORD = "admin-test-secret";

	/** The artifact proxy's root, under {@code java.io.tmpdir}; tests write unique paths under it. */
	String ARTIFACTS_DIR = "eaw-test-artifacts";

}
