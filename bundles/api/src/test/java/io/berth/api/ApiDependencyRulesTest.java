package io.berth.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The API bundle is only a contract: it may depend on the JDK and OSGi annotations, nothing else. */
class ApiDependencyRulesTest {

    private final JavaClasses apiClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.berth.api");

    @Test
    void apiDependsOnlyOnJdkAndOsgiAnnotations() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                "io.berth.api..",
                "java..",
                "org.osgi.annotation..",
                "org.osgi.service.component.annotations..")
                .check(apiClasses);
    }

    @Test
    void apiClassesWereFound() {
        // Guards the rule above against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(apiClasses.size()).isGreaterThan(30);
    }
}
