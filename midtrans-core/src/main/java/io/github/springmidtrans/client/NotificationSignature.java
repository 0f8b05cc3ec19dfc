package io.github.springmidtrans.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The signature Midtrans puts in {@code signature_key} of notifications and status
 * answers: lower-case hex of SHA-512 over {@code order_id + status_code + gross_amount +
 * server key}, each exactly as sent ({@code "10000.00"}, never re-formatted).
 *
 * @since 0.1.0
 * @see <a href="https://docs.midtrans.com/docs/https-notification-webhooks">HTTP(S)
 * notification</a>
 */
public final class NotificationSignature {

	private NotificationSignature() {
	}

	/**
	 * Compute the signature.
	 * @param orderId {@code order_id} as sent
	 * @param statusCode {@code status_code} as sent, such as {@code "200"}
	 * @param grossAmount {@code gross_amount} as sent, such as {@code "10000.00"}
	 * @param serverKey the server key
	 * @return 128 lower-case hex characters
	 */
	public static String compute(String orderId, String statusCode, String grossAmount, String serverKey) {
		try {
			MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
			byte[] digest = sha512
				.digest((orderId + statusCode + grossAmount + serverKey).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-512 is not available in this JVM", ex);
		}
	}

	/**
	 * Whether a signature matches, compared in constant time.
	 * @param signatureKey the received {@code signature_key}
	 * @param orderId {@code order_id} as sent
	 * @param statusCode {@code status_code} as sent
	 * @param grossAmount {@code gross_amount} as sent
	 * @param serverKey the server key
	 * @return {@code true} when it matches
	 */
	public static boolean matches(String signatureKey, String orderId, String statusCode, String grossAmount,
			String serverKey) {
		byte[] expected = compute(orderId, statusCode, grossAmount, serverKey).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = signatureKey.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual);
	}

	/**
	 * Verify a signature, naming the problem when it fails.
	 * @param orderId {@code order_id} as sent
	 * @param statusCode {@code status_code} as sent
	 * @param grossAmount {@code gross_amount} as sent
	 * @param signatureKey the received {@code signature_key}
	 * @param serverKey the server key
	 * @throws MidtransSignatureException when a field is missing or the signature does
	 * not match
	 */
	public static void verify(@Nullable String orderId, @Nullable String statusCode, @Nullable String grossAmount,
			@Nullable String signatureKey, String serverKey) {
		String missing = (orderId == null) ? "order_id" : (statusCode == null) ? "status_code"
				: (grossAmount == null) ? "gross_amount" : (signatureKey == null) ? "signature_key" : null;
		if (missing != null) {
			throw new MidtransSignatureException(
					"Midtrans notification" + ((orderId != null) ? " for order '" + orderId + "'" : "") + " rejected: "
							+ missing + " is missing",
					orderId);
		}
		if (!matches(signatureKey, orderId, statusCode, grossAmount, serverKey)) {
			throw new MidtransSignatureException(
					"Midtrans notification for order '" + orderId + "' rejected: the signature does not match",
					orderId);
		}
	}

}
