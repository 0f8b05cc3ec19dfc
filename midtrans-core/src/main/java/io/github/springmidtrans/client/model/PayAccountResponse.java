package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A linked GoPay account as Midtrans describes it: the answer of create, get and unbind.
 * Its {@link #toString()} never shows payment option tokens.
 *
 * @param statusCode Midtrans' {@code status_code}: {@code "201"} pending, {@code "200"}
 * enabled, {@code "204"} expired, disabled or unbound
 * @param statusMessage Midtrans' explanation
 * @param paymentType the provider, {@code gopay}
 * @param accountId Midtrans' id of the account; keep it to charge and unbind
 * @param accountStatus the state
 * @param actions links that finish linking: {@code activation-link-url} for a browser or
 * webview, {@code activation-link-app} for the Gojek app
 * @param metadata the payment options of an enabled account
 * @param channelResponseCode GoPay's response code
 * @param channelResponseMessage GoPay's response message
 * @param raw the complete body
 * @since 0.1.0
 */
public record PayAccountResponse(@Nullable String statusCode, @Nullable String statusMessage,
		@Nullable PaymentType paymentType, @Nullable String accountId, @Nullable PayAccountStatus accountStatus,
		List<TransactionResponse.Action> actions, @Nullable Metadata metadata, @Nullable String channelResponseCode,
		@Nullable String channelResponseMessage, @JsonIgnore @JacksonInject(value = "midtrans.raw",
				useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	public PayAccountResponse {
		actions = (actions != null) ? List.copyOf(actions) : List.of();
	}

	/**
	 * Find an action link by name, such as {@code activation-link-url}.
	 * @param name the action name
	 * @return the action, if present
	 */
	public Optional<TransactionResponse.Action> action(String name) {
		return this.actions.stream().filter((action) -> name.equals(action.name())).findFirst();
	}

	/**
	 * The payment options of an enabled account, such as {@code GOPAY_WALLET} and
	 * {@code PAY_LATER}.
	 * @return the options, empty unless the account is enabled
	 */
	@JsonIgnore
	public List<PaymentOption> paymentOptions() {
		return (this.metadata != null) ? this.metadata.paymentOptions() : List.of();
	}

	/**
	 * Find a payment option by name.
	 * @param name such as {@code GOPAY_WALLET}
	 * @return the option, if present
	 */
	public Optional<PaymentOption> paymentOption(String name) {
		return paymentOptions().stream().filter((option) -> name.equals(option.name())).findFirst();
	}

	@Override
	public String toString() {
		return "PayAccountResponse[accountId=" + this.accountId + ", accountStatus=" + this.accountStatus
				+ ", statusCode=" + this.statusCode + ", channelResponseCode=" + this.channelResponseCode
				+ ", paymentOptions=" + paymentOptions() + "]";
	}

	/**
	 * The {@code metadata} of an enabled account.
	 *
	 * @param paymentOptions the ways the account can pay
	 */
	public record Metadata(List<PaymentOption> paymentOptions) {

		public Metadata {
			paymentOptions = (paymentOptions != null) ? List.copyOf(paymentOptions) : List.of();
		}

	}

	/**
	 * One way a linked account can pay. Its {@link #toString()} never shows the token.
	 *
	 * @param name such as {@code GOPAY_WALLET} or {@code PAY_LATER}
	 * @param active whether it can be used now
	 * @param balance the available balance
	 * @param metadata provider details
	 * @param token the {@code payment_option_token} for GoPay charges and the
	 * {@code token} for GoPay subscriptions; a secret
	 */
	public record PaymentOption(@Nullable String name, @Nullable Boolean active, @Nullable Balance balance,
			Map<String, Object> metadata, @Nullable String token) {

		public PaymentOption {
			metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : Map.of();
		}

		@Override
		public String toString() {
			return "PaymentOption[name=" + this.name + ", active=" + this.active + ", balance=" + this.balance
					+ ", token=" + CardChecks.hidden(this.token) + "]";
		}

	}

	/**
	 * A balance.
	 *
	 * @param value the amount (a decimal string on the wire)
	 * @param currency the currency, {@code IDR}
	 */
	public record Balance(@Nullable BigDecimal value, @Nullable String currency) {

	}

}
