package io.github.springmidtrans.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task package schedules, throttles and retries; the auto-configuration wires it. The
 * dependency goes one way only: no class of the task package imports the
 * auto-configuration package (its options are {@link TaskProperties}, its own type).
 */
class TaskPackageDependencyTests {

	@Test
	void theTaskPackageDoesNotDependOnTheAutoConfiguration() throws IOException {
		Path sources = Path.of("src/main/java/io/github/springmidtrans/task");
		assertThat(sources).isDirectory();
		try (Stream<Path> files = Files.list(sources)) {
			List<String> offenders = files.filter((file) -> file.toString().endsWith(".java")).filter((file) -> {
				try {
					return Files.readString(file).contains("io.github.springmidtrans.autoconfigure");
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).map((file) -> file.getFileName().toString()).toList();
			assertThat(offenders).isEmpty();
		}
	}

}
