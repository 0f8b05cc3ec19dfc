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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for the shop's pages in tests: keeps cookies (the flash
 * messages and the login live in the session), sends the CSRF token that the pages' forms
 * carry, and does not follow redirects, so tests see them.
 */
public final class ShopHttp {

	/** The documented demo login. */
	public static final String ADMIN_USER = "admin";

	/** The documented demo password. */
	public static final String ADMIN_PASSWORD = "shop-demo";

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String base;

	private String csrfToken;

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

	/**
	 * Get with HTTP Basic credentials, as an API client does.
	 * @param path the path
	 * @param user the user name
	 * @param password the password
	 * @return the answer
	 */
	public Page getWithBasicAuth(String path, String user, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + credentials).GET());
	}

	/**
	 * Post a JSON body, as Midtrans posts a notification: no cookies of a browser's, no
	 * CSRF token.
	 * @param path the path
	 * @param json the body
	 * @return the answer
	 */
	public Page postJson(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * Sign in with the demo admin login, as the login form does.
	 * @return this client, signed in
	 */
	public ShopHttp signInAsAdmin() {
		Page answer = post("/login", "username", ADMIN_USER, "password", ADMIN_PASSWORD);
		if (answer.status() != 302 || answer.location().contains("error")) {
			throw new AssertionError("Sign-in failed: " + answer.status() + " " + answer.location());
		}
		// Signing in replaces the session's CSRF token.
		this.csrfToken = null;
		return this;
	}

	/**
	 * Post a form with the CSRF token of this session, as the shop's pages do.
	 * @param path the form's action
	 * @param keysAndValues the fields
	 * @return the answer
	 */
	public Page post(String path, String... keysAndValues) {
		if (this.csrfToken == null) {
			// The login page always has a form, and so a token.
			get("/login");
		}
		String[] withToken = Arrays.copyOf(keysAndValues, keysAndValues.length + 2);
		withToken[keysAndValues.length] = "_csrf";
		withToken[keysAndValues.length + 1] = this.csrfToken;
		return postWithoutCsrfToken(path, withToken);
	}

	/**
	 * Post a form without a CSRF token, as a forged request from another site would.
	 * @param path the form's action
	 * @param keysAndValues the fields
	 * @return the answer
	 */
	public Page postWithoutCsrfToken(String path, String... keysAndValues) {
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
			Matcher csrf = CSRF_FIELD.matcher(new String(response.body(), StandardCharsets.UTF_8));
			if (csrf.find()) {
				this.csrfToken = csrf.group(1);
			}
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
