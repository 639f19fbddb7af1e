package app.homeward.privacy;

import app.homeward.base.ClinicData;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The erase-and-delete hooks are for the callers that carry the authorisation, never for a view. */
class DataRightsArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.homeward");

    @Test
    void views_never_reach_a_features_clinic_data() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(ClinicData.class)
                .because("erasing and deleting rows is done by services that checked who asks")
                .check(CLASSES);
    }

    @Test
    void clinic_data_beans_are_not_part_of_a_features_api() {
        classes().that().implement(ClinicData.class).and().doNotHaveModifier(JavaModifier.ABSTRACT)
                .should().notBePublic()
                .because("only the data-rights feature and the platform reach them, through the interface")
                .check(CLASSES);
    }
}
