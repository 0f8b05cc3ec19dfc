package io.github.springmidtrans.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code ```java} block of docs/*.md appears, unchanged except for whitespace, in a
 * test source file of one of the modules, which the build compiles (and mostly runs). So
 * a sample cannot drift from the API: change the mirror and the page together.
 * <p>
 * A line that holds only {@code ...} or {@code // ...} splits a block into parts that
 * must appear in that order in one file, for samples that leave out what is around them.
 */
class JavaSamplesMirrorTests {

	@Test
	void everyJavaSampleIsMirroredInACompiledSource() throws IOException {
		Map<Path, String> sources = testSources();
		List<String> unmirrored = new ArrayList<>();
		int blocks = 0;
		for (Path page : Docs.pages()) {
			for (Sample sample : samples(page)) {
				blocks++;
				if (sources.values().stream().noneMatch(sample::isIn)) {
					unmirrored
						.add("%s:%d  %s".formatted(Docs.root().relativize(page), sample.line(), sample.firstLine()));
				}
			}
		}
		assertThat(blocks).as("java samples found in docs/").isPositive();
		assertThat(unmirrored)
			.as("java samples of docs/ with no copy in any */src/test/java file (put the exact code in a test source, for"
					+ " example midtrans-spring-boot-starter/src/test/java/io/github/springmidtrans/docs):%n%s%n",
					String.join("\n", unmirrored))
			.isEmpty();
	}

	@Test
	void splitSamplesMustKeepTheirOrder() {
		Sample sample = new Sample(1, "a", List.of(squeeze("int a = 1;"), squeeze("int b = 2;")));
		assertThat(sample.isIn(squeeze("int a = 1;\n int x = 0;\n int b = 2;"))).isTrue();
		assertThat(sample.isIn(squeeze("int b = 2;\n int a = 1;"))).isFalse();
		assertThat(sample.isIn(squeeze("int a = 1;"))).isFalse();
	}

	static List<Sample> samples(Path page) throws IOException {
		List<Sample> samples = new ArrayList<>();
		List<String> lines = Files.readAllLines(page);
		for (int i = 0; i < lines.size(); i++) {
			if (!lines.get(i).trim().equals("```java")) {
				continue;
			}
			int start = i + 1;
			List<String> parts = new ArrayList<>();
			StringBuilder part = new StringBuilder();
			String first = null;
			for (i = start; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
				String line = lines.get(i).trim();
				if (line.equals("...") || line.equals("// ...")) {
					parts.add(squeeze(part.toString()));
					part.setLength(0);
					continue;
				}
				if (first == null && !line.isEmpty()) {
					first = line;
				}
				part.append(line).append('\n');
			}
			parts.add(squeeze(part.toString()));
			parts.removeIf(String::isEmpty);
			if (!parts.isEmpty()) {
				samples.add(new Sample(start + 1, first, parts));
			}
		}
		return samples;
	}

	private static Map<Path, String> testSources() throws IOException {
		Map<Path, String> sources = new LinkedHashMap<>();
		try (Stream<Path> modules = Files.list(Docs.root())) {
			for (Path module : modules.filter(Files::isDirectory).toList()) {
				Path tests = module.resolve("src/test/java");
				if (!Files.isDirectory(tests)) {
					continue;
				}
				try (Stream<Path> files = Files.walk(tests)) {
					files.filter((file) -> file.toString().endsWith(".java"))
						.forEach((file) -> sources.put(file, squeeze(read(file))));
				}
			}
		}
		return sources;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text without whitespace and without {@code //}, so indentation, line wrapping
	 * and the formatter's wrapping of a long line comment do not count.
	 */
	static String squeeze(String text) {
		return text.replaceAll("\\s+", "").replace("//", "");
	}

	record Sample(int line, String firstLine, List<String> parts) {

		boolean isIn(String source) {
			int from = 0;
			for (String part : this.parts) {
				int at = source.indexOf(part, from);
				if (at < 0) {
					return false;
				}
				from = at + part.length();
			}
			return true;
		}

	}

}
