package io.github.springmidtrans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Our own copies of the shapes Midtrans publishes, one file per shape, under
 * {@code src/test/resources/io/github/springmidtrans/fixtures}.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * The text of a fixture.
	 * @param path the path below the fixtures folder, such as
	 * {@code "errors/snap-order-id-taken.json"}
	 * @return the file's text
	 */
	public static String read(String path) {
		String resource = "/io/github/springmidtrans/fixtures/" + path;
		try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
