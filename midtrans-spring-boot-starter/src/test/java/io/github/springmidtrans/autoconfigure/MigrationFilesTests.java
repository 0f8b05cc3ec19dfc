package io.github.springmidtrans.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped migration folders: one per database, the same versions in each, and
 * MariaDB's the same statements as MySQL's (Boot's {@code {vendor}} says
 * {@code mariadb}).
 */
class MigrationFilesTests {

	private static final String LOCATION = "classpath*:io/github/springmidtrans/db/migration/";

	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	@Test
	void everyDatabaseHasTheSameVersions() throws IOException {
		List<String> h2 = names("h2");
		assertThat(h2).contains("V1__midtrans_tables.sql");
		assertThat(names("postgresql")).isEqualTo(h2);
		assertThat(names("mysql")).isEqualTo(h2);
		assertThat(names("mariadb")).isEqualTo(h2);
	}

	@Test
	void mariaDbMigrationsAreTheMySqlOnes() throws IOException {
		for (String name : names("mysql")) {
			assertThat(statements("mariadb/" + name)).as(name).isEqualTo(statements("mysql/" + name));
		}
	}

	private List<String> names(String vendor) throws IOException {
		return Arrays.stream(this.resolver.getResources(LOCATION + vendor + "/*.sql"))
			.map(Resource::getFilename)
			.sorted()
			.toList();
	}

	private String statements(String path) throws IOException {
		Resource resource = this.resolver.getResource("classpath:io/github/springmidtrans/db/migration/" + path);
		return resource.getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> !line.startsWith("--"))
			.collect(Collectors.joining("\n"));
	}

}
