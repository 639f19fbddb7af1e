package app.homeward.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import jakarta.persistence.EntityManager;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Every way of writing SQL that Hibernate's tenant filter cannot see: {@code createNativeQuery} (any overload,
 * on the EntityManager or Hibernate's Session), a repository method annotated {@code @NativeQuery} or
 * {@code @Query(nativeQuery = true)}, and Spring's {@code JdbcTemplate}. Hand-written JDBC has its own rule
 * ({@code ArchitectureTest.only_the_shared_limit_store_writes_sql_by_hand}).
 */
final class NativeSql {

    private NativeSql() {
    }

    static ArchRule rule() {
        return CompositeArchRule
                .of(noClasses().should().callMethodWhere(JavaCall.Predicates.target(name("createNativeQuery")))
                        .because("native SQL bypasses Hibernate's tenant filter"))
                .and(noMethods().should().beAnnotatedWith(NativeQuery.class)
                        .because("native SQL bypasses Hibernate's tenant filter"))
                .and(noMethods().should().beAnnotatedWith(NATIVE_QUERY)
                        .because("native SQL bypasses Hibernate's tenant filter"))
                .and(noClasses().should().dependOnClassesThat().haveFullyQualifiedName(JdbcTemplate.class.getName())
                        .because("no SQL that Hibernate's tenant filter cannot see"));
    }

    private static final DescribedPredicate<JavaAnnotation<?>> NATIVE_QUERY = DescribedPredicate.describe(
            "@Query(nativeQuery = true)", a -> a.getRawType().isEquivalentTo(Query.class)
                    && Boolean.TRUE.equals(a.get("nativeQuery").orElse(Boolean.FALSE)));

    /** Each way once, and one JPQL query the rule must let through; only the rule's own test reads them. */
    @SuppressWarnings("unused")
    static final class Planted {

        void createNativeQuery(EntityManager em) {
            em.createNativeQuery("select 1");
        }

        void createTypedNativeQuery(EntityManager em) {
            em.createNativeQuery("select 1", Object.class);
        }

        void jdbcTemplate(JdbcTemplate jdbc) {
            jdbc.queryForList("select 1");
        }

        interface Queries extends Repository<Object, UUID> {

            @NativeQuery("select 1")
            List<Object> annotatedNativeQuery();

            @Query(value = "select 1", nativeQuery = true)
            List<Object> queryMarkedNative();

            @Query("select c from Clinic c")
            List<Object> jpqlQuery();
        }
    }
}
