package org.loginservice;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages' arrows point one way: web on top; the flows (account, login, reset,
 * admin) and introspection, which answers other services; then the parts they are made of
 * (user, challenge, totp, passkey, session, throttle, password), none of which knows
 * those above.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.loginservice");

	@Test
	void noPackageDependsOnItselfThroughAnother() {
		slices().matching("org.loginservice.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void thePartsKnowNothingOfTheFlowsNorTheWeb() {
		noClasses().that()
			.resideInAnyPackage(in("user"), in("challenge"), in("totp"), in("passkey"), in("session"), in("throttle"),
					in("password"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(in("account"), in("login"), in("reset"), in("admin"), in("introspection"), in("web"))
			.check(classes);
	}

	@Test
	void onlyTheLoginFlowStartsSessions() {
		noClasses().that()
			.resideOutsideOfPackages(in("login"), in("session"))
			.should()
			.callMethod(org.loginservice.session.SessionService.class, "issue", long.class)
			.check(classes);
	}

	private static String in(String feature) {
		return "org.loginservice." + feature + "..";
	}

}
