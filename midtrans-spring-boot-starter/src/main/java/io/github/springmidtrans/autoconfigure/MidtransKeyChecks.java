package io.github.springmidtrans.autoconfigure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * Startup checks of {@code midtrans.server-key} and {@code midtrans.client-key}: each bad
 * value becomes a {@link MidtransConfigurationException} that names the property and the
 * fix, and never shows the key (at most the prefix every key of its kind shares).
 */
final class MidtransKeyChecks {

	static final String SERVER_KEY = "midtrans.server-key";

	static final String CLIENT_KEY = "midtrans.client-key";

	// Boot leaves "${NAME}" as it is when NAME cannot be resolved; only the name is
	// shown.
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:\\s]*)");

	// Keys issued by the Midtrans dashboard, current ("Mid-") and legacy ("VT-").
	private static final Pattern CLIENT_KEY_PREFIX = Pattern.compile("^(SB-)?(Mid|VT)-client-",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SERVER_KEY_PREFIX = Pattern.compile("^(SB-)?(Mid|VT)-server-",
			Pattern.CASE_INSENSITIVE);

	private MidtransKeyChecks() {
	}

	/**
	 * Check the server key.
	 * @param properties the bound properties
	 * @return the server key, unchanged
	 * @throws MidtransConfigurationException if the key is missing, unresolved, padded, a
	 * client key, or from the other environment
	 */
	static String checkedServerKey(MidtransProperties properties) {
		String key = properties.getServerKey();
		boolean production = properties.isProduction();
		if (!StringUtils.hasText(key)) {
			throw new MidtransConfigurationException(SERVER_KEY, "is not set",
					"Set " + SERVER_KEY + " to the server key from the Midtrans dashboard (Settings > Access keys),"
							+ " for example " + SERVER_KEY + "=${MIDTRANS_SERVER_KEY:} with the environment variable"
							+ " MIDTRANS_SERVER_KEY set to your " + environment(production) + " key ("
							+ serverPrefix(production) + "...), and keep the key out of committed files.");
		}
		checkResolved(SERVER_KEY, "MIDTRANS_SERVER_KEY", serverPrefix(production), key);
		checkUnpadded(SERVER_KEY, key);
		Matcher clientKey = CLIENT_KEY_PREFIX.matcher(key);
		if (clientKey.find()) {
			throw new MidtransConfigurationException(SERVER_KEY,
					"is a client key (it starts with '" + clientKey.group() + "'), not a server key",
					"Use the server key (" + serverPrefix(production) + "...) from Settings > Access keys of the"
							+ " Midtrans dashboard; the client key belongs in " + CLIENT_KEY + ".");
		}
		boolean sandboxKey = key.toUpperCase(Locale.ROOT).startsWith("SB-");
		if (production && sandboxKey) {
			throw new MidtransConfigurationException(SERVER_KEY,
					"is a sandbox key (it starts with 'SB-') but midtrans.production is true",
					"Use the production server key, or set midtrans.production=false to use the sandbox.");
		}
		if (!production && key.startsWith("Mid-server-")) {
			throw new MidtransConfigurationException(SERVER_KEY,
					"is a production key (it starts with 'Mid-server-') but midtrans.production is false",
					"Use the sandbox server key (SB-Mid-server-...), or set midtrans.production=true to take real"
							+ " payments.");
		}
		return key;
	}

	/**
	 * Check the client key, which is optional: unset or empty passes.
	 * @param properties the bound properties
	 * @return the client key, unchanged
	 * @throws MidtransConfigurationException if the key is unresolved, padded, a server
	 * key, or from the other environment
	 */
	static @Nullable String checkedClientKey(MidtransProperties properties) {
		String key = properties.getClientKey();
		boolean production = properties.isProduction();
		if (key == null || key.isEmpty()) {
			return key;
		}
		checkResolved(CLIENT_KEY, "MIDTRANS_CLIENT_KEY", clientPrefix(production), key);
		checkUnpadded(CLIENT_KEY, key);
		Matcher serverKey = SERVER_KEY_PREFIX.matcher(key);
		if (serverKey.find()) {
			// The client key is handed to browsers: a server key here would be published.
			throw new MidtransConfigurationException(CLIENT_KEY,
					"is a server key (it starts with '" + serverKey.group() + "'), not a client key",
					"Use the client key (" + clientPrefix(production) + "...) from Settings > Access keys of the"
							+ " Midtrans dashboard; the client key is sent to browsers, so never put the server key"
							+ " here. If the server key has been published, regenerate it in the dashboard.");
		}
		boolean sandboxKey = key.toUpperCase(Locale.ROOT).startsWith("SB-");
		if (production && sandboxKey) {
			throw new MidtransConfigurationException(CLIENT_KEY,
					"is a sandbox key (it starts with 'SB-') but midtrans.production is true",
					"Use the production client key (Mid-client-...), or set midtrans.production=false to use the"
							+ " sandbox.");
		}
		if (!production && key.startsWith("Mid-client-")) {
			throw new MidtransConfigurationException(CLIENT_KEY,
					"is a production key (it starts with 'Mid-client-') but midtrans.production is false",
					"Use the sandbox client key (SB-Mid-client-...), or set midtrans.production=true to take real"
							+ " payments.");
		}
		return key;
	}

	private static void checkResolved(String property, String suggestedVariable, String prefix, String key) {
		int start = key.indexOf("${");
		if (start < 0) {
			return;
		}
		Matcher placeholder = PLACEHOLDER.matcher(key);
		String name = (placeholder.find(start) && !placeholder.group(1).isEmpty()) ? placeholder.group(1)
				: suggestedVariable;
		throw new MidtransConfigurationException(property,
				"contains the unresolved placeholder '${" + name + "}' (the environment variable or property " + name
						+ " is not set)",
				"Set the environment variable " + name + " before starting the application (for example export " + name
						+ "=" + prefix + "...), or write " + property + "=${" + name + ":} so that an unset"
						+ " variable is reported as a missing key.");
	}

	private static void checkUnpadded(String property, String key) {
		if (!key.equals(key.strip())) {
			throw new MidtransConfigurationException(property, "starts or ends with whitespace",
					"Remove the spaces or line breaks around the key (a key read from a file or pasted from the"
							+ " dashboard often ends with a line break); Midtrans rejects a padded key with 401.");
		}
		if (StringUtils.containsWhitespace(key)) {
			throw new MidtransConfigurationException(property, "contains whitespace",
					"Copy the key again from Settings > Access keys of the Midtrans dashboard; keys have no spaces.");
		}
	}

	private static String environment(boolean production) {
		return production ? "production" : "sandbox";
	}

	private static String serverPrefix(boolean production) {
		return production ? "Mid-server-" : "SB-Mid-server-";
	}

	private static String clientPrefix(boolean production) {
		return production ? "Mid-client-" : "SB-Mid-client-";
	}

}
