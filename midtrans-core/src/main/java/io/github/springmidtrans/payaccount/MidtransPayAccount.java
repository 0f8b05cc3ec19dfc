package io.github.springmidtrans.payaccount;

import java.time.Instant;
import java.util.Objects;
import java.util.StringJoiner;

import io.github.springmidtrans.client.model.PayAccountResponse;
import io.github.springmidtrans.client.model.PayAccountResponse.PaymentOption;
import io.github.springmidtrans.internal.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A GoPay account linked for tokenized payments. Keeps the account id, its state and a
 * summary of its payment options (name, active, balance).
 *
 * <p>
 * <strong>Payment option tokens are not stored.</strong> They are secrets that let the
 * merchant charge the customer; read them when needed with
 * {@code client.payAccounts().get(accountId)} and pass them straight to the charge or
 * subscription.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransPayAccount")
@Table(name = "midtrans_pay_account")
public class MidtransPayAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "account_id", nullable = false, unique = true, length = 64, updatable = false)
	private String accountId;

	@Column(name = "payment_type", nullable = false, length = 16)
	private String paymentType;

	@Convert(converter = PayAccountStateConverter.class)
	@Column(name = "status", nullable = false, length = 16)
	private PayAccountState status;

	@Column(name = "phone_number", length = 20)
	private @Nullable String phoneNumber;

	@Column(name = "country_code", length = 4)
	private @Nullable String countryCode;

	@Column(name = "activation_url", length = 2048)
	private @Nullable String activationUrl;

	@Column(name = "activation_app_url", length = 2048)
	private @Nullable String activationAppUrl;

	@Column(name = "payment_options", length = 2000)
	private @Nullable String paymentOptions;

	@Column(name = "channel_response_code", length = 16)
	private @Nullable String channelResponseCode;

	@Column(name = "channel_response_message", length = 255)
	private @Nullable String channelResponseMessage;

	@Column(name = "linked_at")
	private @Nullable Instant linkedAt;

	@Column(name = "unbound_at")
	private @Nullable Instant unboundAt;

	@Version
	@Column(name = "version", nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** For JPA only. */
	protected MidtransPayAccount() {
		this.accountId = "";
		this.paymentType = "gopay";
		this.status = PayAccountState.PENDING;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	MidtransPayAccount(String accountId, @Nullable String phoneNumber, @Nullable String countryCode, Instant now) {
		this.accountId = accountId;
		this.paymentType = "gopay";
		this.status = PayAccountState.PENDING;
		this.phoneNumber = phoneNumber;
		this.countryCode = countryCode;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Apply what Midtrans says about the account: activation links, payment option
	 * summary (never tokens), and the state when it moves forward.
	 * @param answer Midtrans' view
	 * @param now the time
	 * @return {@code true} when the state changed
	 */
	public boolean apply(PayAccountResponse answer, Instant now) {
		answer.action("activation-link-url").ifPresent((action) -> this.activationUrl = action.url());
		answer.action("activation-link-app").ifPresent((action) -> this.activationAppUrl = action.url());
		if (!answer.paymentOptions().isEmpty()) {
			StringJoiner summary = new StringJoiner(",");
			for (PaymentOption option : answer.paymentOptions()) {
				String balance = (option.balance() != null && option.balance().value() != null)
						? option.balance().value().toPlainString() : "";
				summary.add(option.name() + ":" + (Boolean.TRUE.equals(option.active()) ? "active" : "inactive") + ":"
						+ balance);
			}
			this.paymentOptions = Columns.fit(summary.toString(), 2000);
		}
		if (answer.channelResponseCode() != null) {
			this.channelResponseCode = Columns.fit(answer.channelResponseCode(), 16);
			this.channelResponseMessage = Columns.fit(answer.channelResponseMessage(), 255);
		}
		this.updatedAt = now;
		PayAccountState next = PayAccountState.of(answer.accountStatus());
		if (next == null || next == this.status || !this.status.canMoveTo(next)) {
			return false;
		}
		this.status = next;
		if (next == PayAccountState.ENABLED) {
			this.linkedAt = now;
		}
		if (next == PayAccountState.DISABLED) {
			this.unboundAt = now;
		}
		return true;
	}

	/**
	 * Record that GoPay refused an action on the account (an unbind): the state stays,
	 * and GoPay's response is kept.
	 * @param channelResponseCode GoPay's response code
	 * @param channelResponseMessage GoPay's response message
	 * @param now the time
	 */
	void recordRefusal(@Nullable String channelResponseCode, @Nullable String channelResponseMessage, Instant now) {
		this.channelResponseCode = Columns.fit(channelResponseCode, 16);
		this.channelResponseMessage = Columns.fit(channelResponseMessage, 255);
		this.updatedAt = now;
	}

	/**
	 * Database id.
	 * @return the id
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * Midtrans' account id, unique.
	 * @return the id
	 */
	public String getAccountId() {
		return this.accountId;
	}

	/**
	 * The payment type, {@code gopay}.
	 * @return the type
	 */
	public String getPaymentType() {
		return this.paymentType;
	}

	/**
	 * The local state.
	 * @return the state
	 */
	public PayAccountState getStatus() {
		return this.status;
	}

	/**
	 * The GoPay phone number.
	 * @return the number or {@code null}
	 */
	public @Nullable String getPhoneNumber() {
		return this.phoneNumber;
	}

	/**
	 * The phone's country code.
	 * @return the code or {@code null}
	 */
	public @Nullable String getCountryCode() {
		return this.countryCode;
	}

	/**
	 * Where to send the customer (browser or webview) to approve the link.
	 * @return the URL or {@code null}
	 */
	public @Nullable String getActivationUrl() {
		return this.activationUrl;
	}

	/**
	 * Link that opens the Gojek app to approve the link.
	 * @return the URL or {@code null}
	 */
	public @Nullable String getActivationAppUrl() {
		return this.activationAppUrl;
	}

	/**
	 * Summary of the payment options of an enabled account, such as
	 * {@code GOPAY_WALLET:active:1000000.00,PAY_LATER:active:350000.00}; never tokens.
	 * @return the summary or {@code null}
	 */
	public @Nullable String getPaymentOptions() {
		return this.paymentOptions;
	}

	/**
	 * GoPay's last response code.
	 * @return the code or {@code null}
	 */
	public @Nullable String getChannelResponseCode() {
		return this.channelResponseCode;
	}

	/**
	 * GoPay's last response message.
	 * @return the message or {@code null}
	 */
	public @Nullable String getChannelResponseMessage() {
		return this.channelResponseMessage;
	}

	/**
	 * When the account was first seen enabled.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getLinkedAt() {
		return this.linkedAt;
	}

	/**
	 * When the account was first seen disabled.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getUnboundAt() {
		return this.unboundAt;
	}

	/**
	 * Optimistic lock version.
	 * @return the version
	 */
	public long getVersion() {
		return this.version;
	}

	/**
	 * When the row was created.
	 * @return the time
	 */
	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When the row last changed.
	 * @return the time
	 */
	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof MidtransPayAccount account && this.id != null
				&& Objects.equals(this.id, account.id));
	}

	@Override
	public int hashCode() {
		return MidtransPayAccount.class.hashCode();
	}

	@Override
	public String toString() {
		return "MidtransPayAccount[accountId=" + this.accountId + ", status=" + this.status + "]";
	}

}
