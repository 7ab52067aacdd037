package io.streamplane.it;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Dependencies point inward, as docs/architecture.md says: the build fails when they do not. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.streamplane");
    }

    @Test
    void core_knowsNoHttpNoSqlAndNoProcesses() {
        noClasses().that().resideInAPackage("io.streamplane.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.streamplane.api..", "io.streamplane.store..", "io.streamplane.runtime..",
                        "io.streamplane.server..", "com.sun.net.httpserver..", "io.undertow..", "java.net.http..", "java.sql..",
                        "org.jdbi..", "org.flywaydb..", "com.fasterxml.jackson..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .check(classes);
    }

    /**
     * Each package of core is a layer a reader can take in alone: domain packages sit over the ports
     * they declare, plans over the domains they change, and nothing leads back up.
     */
    @Test
    void core_packagesAreFreeOfCycles() {
        slices().matching("io.streamplane.core.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void api_knowsNoSqlAndNoProcesses() {
        noClasses().that().resideInAPackage("io.streamplane.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.streamplane.store..", "io.streamplane.runtime..", "io.streamplane.server..",
                        "java.sql..", "org.jdbi..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ProcessBuilder.class.getName())
                .check(classes);
    }

    @Test
    void storeAndRuntime_knowNoHttpAndNotEachOther() {
        noClasses().that().resideInAPackage("io.streamplane.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.streamplane.api..",
                        "io.streamplane.runtime..", "io.streamplane.server..", "com.sun.net.httpserver..", "io.undertow..")
                .check(classes);
        noClasses().that().resideInAPackage("io.streamplane.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("io.streamplane.api..",
                        "io.streamplane.store..", "io.streamplane.server..", "com.sun.net.httpserver..", "io.undertow..", "java.sql..")
                .check(classes);
    }

    @Test
    void objectStore_knowsNoApiNoSqlAndNoOtherAdapter() {
        noClasses().that().resideInAPackage("io.streamplane.objectstore..")
                .should().dependOnClassesThat().resideInAnyPackage("io.streamplane.api..", "io.streamplane.store..",
                        "io.streamplane.runtime..", "io.streamplane.server..", "com.sun.net.httpserver..", "io.undertow..", "java.sql..")
                .check(classes);
    }

    /** One package serves HTTP; the protocol, the handlers and S3 see requests through their own types. */
    @Test
    void onlyTheHttpPackage_knowsTheHttpServer() {
        noClasses().that().resideOutsideOfPackage("io.streamplane.api.http..")
                .should().dependOnClassesThat().resideInAnyPackage("io.undertow..", "org.xnio..",
                        "com.sun.net.httpserver..")
                .check(classes);
    }
}
