package io.github.springmidtrans.sample;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Boundaries across modules, checked where every module is on the class path: only
 * {@code midtrans-core} may use the client's internal package.
 */
class ModuleBoundaryTests {

	private static final JavaClasses ALL = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.springmidtrans");

	@Test
	void onlyCoreUsesTheClientInternals() {
		noClasses().that()
			.resideInAnyPackage("io.github.springmidtrans.test..", "io.github.springmidtrans.sample..",
					"io.github.springmidtrans.autoconfigure..", "io.github.springmidtrans.task..",
					"io.github.springmidtrans.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.springmidtrans.client.internal..")
			.check(ALL);
	}

	@Test
	void theSimulatorDoesNotBuildAnswersFromTheClientsModel() {
		noClasses().that()
			.resideInAPackage("io.github.springmidtrans.test..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.springmidtrans.client.model..")
			.because("the simulator must speak the wire protocol on its own, so tests catch client mistakes")
			.check(ALL);
	}

}
