package dev.eaw;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(EawApplication.class);

	@Test
	void modulesOnlyUseEachOthersApis() {
		modules.verify();
	}

	@Test
	void everyModuleIsDetected() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("kernel", "insights", "mlops", "docqa", "web");
	}

}
