package io.github.springmidtrans.autoconfigure;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.BankTransferOptions;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceResponse;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransClientRuntimeHints} and {@link MidtransSchemaRuntimeHints}: what a
 * native image or an ahead-of-time processed application needs from the starter.
 */
class MidtransRuntimeHintsTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void everyRequestAndResponseTypeCanBeReadAndWrittenByJackson() {
		RuntimeHints hints = new RuntimeHints();
		new MidtransClientRuntimeHints().registerHints(hints, this.classLoader);
		List<Class<?>> types = List.of(ChargeRequest.class, TransactionResponse.class, RefundRequest.class,
				SnapRequest.class, InvoiceRequest.class, InvoiceResponse.class, SubscriptionResponse.class,
				BankTransferOptions.class, CustomerDetails.class, ItemDetail.class);
		for (Class<?> type : types) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(type.getDeclaredConstructors()[0]))
				.as(type.getName())
				.accepts(hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(type.getSimpleName() + "." + component.getName())
					.accepts(hints);
			}
		}
		assertThat(RuntimeHintsPredicates.reflection().onType(Bank.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TransactionStatus.class)).accepts(hints);
	}

	@Test
	void typesAreFoundByListingTheModelPackage() {
		List<Class<?>> types = Arrays.asList(MidtransClientRuntimeHints.modelTypes(this.classLoader));
		assertThat(types).contains(ChargeRequest.class, TransactionResponse.class, Bank.class)
			.hasSizeGreaterThan(50)
			.allSatisfy(
					(type) -> assertThat(type.getPackageName()).isEqualTo(MidtransClientRuntimeHints.MODEL_PACKAGE));
		RuntimeHints hints = new RuntimeHints();
		new MidtransClientRuntimeHints().registerHints(hints, this.classLoader);
		assertThat(types)
			.allSatisfy((type) -> assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName())
				.accepts(hints));
	}

	@Test
	void everyShippedScriptMigrationAndChangelogIsIncluded() throws IOException {
		RuntimeHints hints = new RuntimeHints();
		new MidtransSchemaRuntimeHints().registerHints(hints, this.classLoader);
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(this.classLoader);
		List<Resource> files = new ArrayList<>();
		files.addAll(List.of(resolver.getResources("classpath*:io/github/springmidtrans/**/*.sql")));
		files.addAll(List.of(resolver.getResources("classpath*:io/github/springmidtrans/db/changelog/*.xml")));
		assertThat(files).hasSizeGreaterThanOrEqualTo(8);
		for (Resource file : files) {
			String url = file.getURL().toString();
			String path = url.substring(url.indexOf("io/github/springmidtrans/"));
			assertThat(RuntimeHintsPredicates.resource().forResource(path)).as(path).accepts(hints);
		}
		assertThat(
				RuntimeHintsPredicates.resource().forResource("io/github/springmidtrans/schema/schema-postgresql.sql"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.resource()
			.forResource("io/github/springmidtrans/db/migration/mariadb/V1__midtrans_tables.sql")).accepts(hints);
	}

	@Test
	void autoConfigurationsBringTheirHints() {
		assertThat(
				AnnotationUtils.findAnnotation(MidtransClientAutoConfiguration.class, ImportRuntimeHints.class).value())
			.containsExactly(MidtransClientRuntimeHints.class);
		assertThat(AnnotationUtils.findAnnotation(MidtransPersistenceAutoConfiguration.class, ImportRuntimeHints.class)
			.value()).containsExactly(MidtransSchemaRuntimeHints.class);
	}

}
