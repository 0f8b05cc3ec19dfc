package io.github.springmidtrans.client;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The client is plain Java: a user without Spring can use it alone.
 */
class ArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.springmidtrans");

	@Test
	void clientImportsNoSpringAndNoJpa() {
		noClasses().that()
			.resideInAPackage("io.github.springmidtrans.client..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..")
			.check(CORE);
	}

	@Test
	void clientDependsOnlyOnTheHttpJsonAndLoggingLibraries() {
		noClasses().that()
			.resideInAPackage("io.github.springmidtrans.client..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("io.github.springmidtrans.client..", "java..", "javax.net..", "okhttp3..",
					"okio..", "kotlin..", "tools.jackson..", "com.fasterxml.jackson.annotation..", "org.slf4j..",
					"org.jspecify..")
			.check(CORE);
	}

}
