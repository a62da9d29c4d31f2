package io.switchboard.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.switchboard.testsupport.arch.ReactiveRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.switchboard.simulator");

    @Test
    void shouldNeverBlockInMainCode() {
        ReactiveRules.NO_BLOCKING_CALLS.check(MAIN_CLASSES);
    }
}
