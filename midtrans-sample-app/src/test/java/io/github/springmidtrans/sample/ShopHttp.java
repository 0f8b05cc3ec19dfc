package io.github.springmidtrans.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the shop's pages in tests: keeps cookies (the flash
 * messages live in the session) and does not follow redirects, so tests see them.
 */
public final class ShopHttp {

	private final String base;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public ShopHttp(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public Page post(String path, String... keysAndValues) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			form.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		String body = form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Post a form and follow its redirect, as a browser does.
	 * @param path the form's action
	 * @param keysAndValues the fields
	 * @return the page the redirect leads to
	 */
	public Page submit(String path, String... keysAndValues) {
		Page answer = post(path, keysAndValues);
		if (answer.status() != 302) {
			throw new AssertionError(
					"Expected a redirect from " + path + " but got " + answer.status() + ": " + answer.body());
		}
		return get(answer.location());
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : this.base + path);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Page(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.body(),
					response.headers().firstValue("Location").orElse(""),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param body the body as text
	 * @param bytes the body as bytes
	 * @param location the Location header, empty when none
	 * @param contentType the Content-Type header, empty when none
	 */
	public record Page(int status, String body, byte[] bytes, String location, String contentType) {

		/**
		 * The text of the element with this id (tags inside removed, blanks collapsed).
		 * @param id the element id
		 * @return the text, or {@code null} when the page has no such element
		 */
		public String text(String id) {
			Matcher matcher = Pattern
				.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
				.matcher(this.body);
			if (!matcher.find()) {
				return null;
			}
			return unescape(matcher.group(2).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip());
		}

		private static String unescape(String html) {
			return html.replace("&#39;", "'")
				.replace("&quot;", "\"")
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&amp;", "&");
		}

		/**
		 * The value of an attribute of the element with this id.
		 * @param id the element id
		 * @param attribute the attribute
		 * @return the value, or {@code null}
		 */
		public String attribute(String id, String attribute) {
			Matcher tag = Pattern.compile("<[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(this.body);
			if (!tag.find()) {
				return null;
			}
			Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(tag.group());
			return value.find() ? unescape(value.group(1)) : null;
		}

		public boolean has(String id) {
			return this.body.contains("id=\"" + id + "\"");
		}

	}

}
