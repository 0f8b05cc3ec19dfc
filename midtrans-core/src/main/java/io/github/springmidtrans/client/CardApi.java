package io.github.springmidtrans.client;

import java.util.Objects;

import io.github.springmidtrans.client.model.BinResponse;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.CardRegisterResponse;
import io.github.springmidtrans.client.model.CardTokenRequest;
import io.github.springmidtrans.client.model.CardTokenResponse;
import io.github.springmidtrans.client.model.PointInquiryResponse;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Card tokenization, card registration, point inquiry and BIN lookup. Obtain it from
 * {@link MidtransClient}; thread-safe.
 *
 * <p>
 * Tokenization and registration carry card data in the query string, because that is how
 * Midtrans designed these browser-side calls. This client never logs URLs, request bodies
 * or card data; its DEBUG lines name only the endpoint template. An OkHttp logging
 * interceptor on an {@link okhttp3.OkHttpClient} given to
 * {@link MidtransClient.Builder#httpClient(okhttp3.OkHttpClient)} would log the full URL,
 * card data included: keep such interceptors off that client. Calling these endpoints
 * from a server still puts that server in PCI DSS scope: prefer Midtrans' JavaScript
 * library in the browser where possible.
 *
 * @since 0.1.0
 */
public final class CardApi {

	private final HttpTransport transport;

	private final @Nullable String clientKey;

	CardApi(HttpTransport transport, @Nullable String clientKey) {
		this.transport = transport;
		this.clientKey = clientKey;
	}

	/**
	 * Exchange card data (or a saved token and CVV) for a single-use card token:
	 * {@code GET /v2/token}, authenticated by the client key only. Charge the token with
	 * {@link io.github.springmidtrans.client.model.CreditCardOptions#token(String)}.
	 * Creates nothing chargeable by itself, so repeating it is harmless; each call gives
	 * a new token.
	 * @param request the card
	 * @return the token
	 * @throws IllegalStateException when the client was built without
	 * {@link MidtransClient.Builder#clientKey(String) clientKey(...)}
	 * @throws MidtransValidationException when Midtrans rejects the card data (for
	 * example a failed Luhn check); the validation messages say why
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/get-token">Get Token</a>
	 */
	public CardTokenResponse token(CardTokenRequest request) {
		Objects.requireNonNull(request, "request");
		HttpUrl.Builder url = this.transport.url("v2", "token")
			.addQueryParameter("client_key", requireClientKey("Card tokenization"));
		addIfPresent(url, "card_number", request.cardNumber());
		addIfPresent(url, "card_exp_month", request.cardExpMonth());
		addIfPresent(url, "card_exp_year", request.cardExpYear());
		url.addQueryParameter("card_cvv", request.cardCvv());
		addIfPresent(url, "token_id", request.tokenId());
		addIfPresent(url, "bank_one_time_token", request.bankOneTimeToken());
		addIfPresent(url, "gross_amount", (request.grossAmount() != null) ? request.grossAmount().toString() : null);
		// No subject id: nothing about the card may reach a log line or an exception.
		return MidtransClient.required(this.transport.send(MidtransOperation.CARD_TOKEN, "GET", url.build(), null,
				RequestOptions.none(), null, CardTokenResponse.class, false), MidtransOperation.CARD_TOKEN, null);
	}

	/**
	 * Register a card for one-click and two-click payments without charging it:
	 * {@code GET /v2/card/register}, with the client key and the server key. Keep the
	 * answer's {@code saved_token_id} like a password. Safe to repeat.
	 * @param request the card
	 * @return the saved token id and masked card
	 * @throws IllegalStateException when the client was built without
	 * {@link MidtransClient.Builder#clientKey(String) clientKey(...)}
	 * @throws MidtransValidationException when Midtrans rejects the card data
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/register-card">Register Card</a>
	 */
	public CardRegisterResponse register(CardRegisterRequest request) {
		Objects.requireNonNull(request, "request");
		HttpUrl url = this.transport.url("v2", "card", "register")
			.addQueryParameter("client_key", requireClientKey("Card registration"))
			.addQueryParameter("card_number", request.cardNumber())
			.addQueryParameter("card_exp_month", request.cardExpMonth())
			.addQueryParameter("card_exp_year", request.cardExpYear())
			.build();
		return MidtransClient.required(this.transport.send(MidtransOperation.CARD_REGISTER, "GET", url, null,
				RequestOptions.none(), null, CardRegisterResponse.class), MidtransOperation.CARD_REGISTER, null);
	}

	/**
	 * Read the reward points of the card behind a token: {@code GET
	 * /v2/point_inquiry/{token_id}}. Read-only and safe to repeat. The token never
	 * appears in exception messages.
	 * @param tokenId a card token or saved token id
	 * @param grossAmount the amount of the intended charge in whole rupiah; required by
	 * Mandiri
	 * @return the point balance
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @see <a href="https://docs.midtrans.com/reference/point-inquiry">Point Inquiry</a>
	 */
	public PointInquiryResponse pointInquiry(String tokenId, @Nullable Long grossAmount) {
		if (tokenId == null || tokenId.isBlank()) {
			throw new IllegalArgumentException("Point inquiry needs a card token id");
		}
		if (grossAmount != null && grossAmount <= 0) {
			throw new IllegalArgumentException("Point inquiry gross_amount must be positive, got " + grossAmount);
		}
		HttpUrl.Builder url = this.transport.url("v2", "point_inquiry", tokenId);
		if (grossAmount != null) {
			url.addQueryParameter("gross_amount", grossAmount.toString());
		}
		// The token is passed as no subject: POINT_INQUIRY shows none in messages.
		return MidtransClient.required(this.transport.send(MidtransOperation.POINT_INQUIRY, "GET", url.build(), null,
				RequestOptions.none(), null, PointInquiryResponse.class), MidtransOperation.POINT_INQUIRY, null);
	}

	/**
	 * Look up a card's issuer, brand and type by its BIN: {@code GET /v1/bins/{bin}}.
	 * Read-only and safe to repeat, but Midtrans allows only 100 lookups a minute
	 * (exceeding it gives a {@link MidtransRateLimitException}); cache the answers.
	 * @param bin the first 6 to 8 digits of the card number
	 * @return the BIN details
	 * @throws MidtransNotFoundException when Midtrans does not know the BIN
	 * @throws MidtransRateLimitException when over the rate limit
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/bin-api">BIN API</a>
	 */
	public BinResponse bin(String bin) {
		// The value is never echoed: a caller may pass a full card number by mistake.
		if (bin == null || bin.length() < 6 || bin.length() > 8 || !isDigits(bin)) {
			throw new IllegalArgumentException("BIN must be the first 6 to 8 digits of a card number");
		}
		HttpUrl url = this.transport.url("v1", "bins", bin).build();
		return MidtransClient.required(this.transport.send(MidtransOperation.BIN, "GET", url, null,
				RequestOptions.none(), bin, BinResponse.class), MidtransOperation.BIN, bin);
	}

	private String requireClientKey(String what) {
		if (this.clientKey == null || this.clientKey.isBlank()) {
			throw new IllegalStateException(what
					+ " needs the Midtrans client key: build the client with MidtransClient.builder().clientKey(...)");
		}
		return this.clientKey;
	}

	private static void addIfPresent(HttpUrl.Builder url, String name, @Nullable String value) {
		if (value != null) {
			url.addQueryParameter(name, value);
		}
	}

	private static boolean isDigits(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return !text.isEmpty();
	}

}
