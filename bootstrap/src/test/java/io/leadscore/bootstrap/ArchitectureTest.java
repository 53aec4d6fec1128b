package io.leadscore.bootstrap;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/** The layering rules of style.md ("Enforced by the build"). Production classes only. */
@AnalyzeClasses(
    packages = "io.leadscore",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /**
   * Leaves out the other modules' test-jars: {@link ImportOption.DoNotIncludeTests} knows only
   * {@code test-classes} folders, but from {@code package} on the reactor hands the test-jars over
   * as {@code *-tests.jar} files, whose fakes and ITs are not production code.
   */
  public static final class NoTestJars implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
      return !location.matches(TEST_JAR);
    }
  }

  @ArchTest
  static final ArchRule domain_uses_only_the_jdk_and_re2j =
      classes()
          .that()
          .resideInAPackage("io.leadscore.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "com.google.re2j..", "io.leadscore.domain..");

  @ArchTest
  static final ArchRule application_uses_only_the_jdk_and_the_domain =
      classes()
          .that()
          .resideInAPackage("io.leadscore.application..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.leadscore.domain..", "io.leadscore.application..");

  @ArchTest
  static final ArchRule domain_does_no_io =
      noClasses()
          .that()
          .resideInAPackage("io.leadscore.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.io..", "java.nio.file..", "java.net..", "java.sql..")
          .because("the domain is pure: text parsing and I/O happen in adapters and bootstrap");

  @ArchTest
  static final ArchRule domain_reads_no_clock =
      noClasses()
          .that()
          .resideInAPackage("io.leadscore.domain..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.time.Clock")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
          .because("asOf is a parameter: the engine is a pure function of its inputs");

  @ArchTest
  static final ArchRule no_java_util_logging =
      noClasses()
          .that()
          .resideInAPackage("io.leadscore..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.util.logging..");

  @ArchTest
  static final ArchRule only_the_cli_writes_to_stdout_and_stderr =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.leadscore.bootstrap", "io.leadscore.bootstrap.cli")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because("style.md: no System.out outside the CLI; everything else logs or returns");

  /**
   * No cycles between packages, {@code bootstrap}'s included: {@code Main} uses {@code .cli}, which
   * uses {@code .node}, which uses {@code .module}, which uses {@code .config}.
   */
  @ArchTest
  static final ArchRule no_package_cycles =
      slices().matching("io.leadscore.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule use_cases_are_interfaces =
      classes()
          .that()
          .haveSimpleNameEndingWith("UseCase")
          .should()
          .beInterfaces()
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule services_end_in_service =
      classes()
          .that()
          .resideInAPackage("..service..")
          .and()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .haveSimpleNameEndingWith("Service")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule model_contact_and_event_data_types_are_records =
      classes()
          .that()
          .resideInAnyPackage(
              "io.leadscore.domain.model..",
              "io.leadscore.domain.contact..",
              "io.leadscore.domain.event..")
          .and(holdInstanceState())
          // not values: the work counter of one evaluation (mutable by design, never shared) and
          // the parser's frame while it sizes a regex
          .and()
          .doNotHaveFullyQualifiedName("io.leadscore.domain.model.condition.RegexBudget")
          .and()
          .doNotHaveFullyQualifiedName("io.leadscore.domain.model.condition.RegexSize$Group")
          .should()
          .beAssignableTo(Record.class)
          .because("values are records; only stateless helpers may be plain classes");

  @ArchTest
  static final ArchRule ports_never_see_services =
      noClasses()
          .that()
          .resideInAPackage("io.leadscore.application.port..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.leadscore.application.service..");

  @ArchTest
  static final ArchRule adapters_never_see_services_or_each_other =
      slices()
          .matching("io.leadscore.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule adapters_call_use_cases_not_services =
      noClasses()
          .that()
          .resideInAPackage("io.leadscore.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.leadscore.application.service..",
              "io.leadscore.application.scoring..",
              "io.leadscore.bootstrap..")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule sql_jdbi_and_flyway_only_in_the_jdbc_adapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.leadscore.adapter.jdbc..")
          .and()
          .resideInAPackage("io.leadscore..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "org.jdbi..", "org.flywaydb..")
          .because("style.md: persistence technology stays behind the ports");

  @ArchTest
  static final ArchRule no_generic_exceptions = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

  private static DescribedPredicate<JavaClass> holdInstanceState() {
    return new DescribedPredicate<>("hold instance state") {
      @Override
      public boolean test(JavaClass javaClass) {
        return javaClass.getFields().stream()
            .anyMatch(field -> !field.getModifiers().contains(JavaModifier.STATIC));
      }
    };
  }
}
