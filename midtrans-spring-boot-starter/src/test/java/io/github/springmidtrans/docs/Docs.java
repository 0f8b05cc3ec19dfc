package io.github.springmidtrans.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the documentation lives, seen from this module's tests.
 */
final class Docs {

	private Docs() {
	}

	/** The repository root: the parent of this module. */
	static Path root() {
		Path root = Path.of("").toAbsolutePath().getParent();
		if (!Files.isDirectory(root.resolve("docs"))) {
			throw new IllegalStateException("No docs/ folder next to " + Path.of("").toAbsolutePath());
		}
		return root;
	}

	/** Every Markdown page under docs/. */
	static List<Path> pages() throws IOException {
		try (Stream<Path> files = Files.list(root().resolve("docs"))) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
	}

}
