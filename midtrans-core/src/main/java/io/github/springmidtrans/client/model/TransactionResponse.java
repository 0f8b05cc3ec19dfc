package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
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
 * A transaction as Midtrans describes it: the answer of a charge, a status check, cancel,
 * expire, approve, deny and capture, and the body of a payment notification. Fields a
 * payment method does not use are {@code null} (lists empty). Times are converted from
 * Midtrans' zone-less Asia/Jakarta times; amounts are exact. Anything not modelled here
 * is in {@link #raw()}.
 *
 * @param statusCode Midtrans' {@code status_code}: {@code "200"}, {@code "201"} pending,
 * {@code "202"} denied, {@code "407"} expired
 * @param statusMessage Midtrans' explanation
 * @param transactionId Midtrans' id of the transaction
 * @param orderId the merchant's order id
 * @param merchantId the merchant id
 * @param grossAmount the amount
 * @param currency the currency, {@code IDR}
 * @param paymentType the payment method
 * @param transactionTime when the transaction was created
 * @param transactionStatus the state
 * @param fraudStatus the fraud verdict, {@code null} when the method has none
 * @param expiryTime when an unpaid transaction expires
 * @param settlementTime when it settled
 * @param vaNumbers virtual account numbers (BCA, BNI, BRI, CIMB)
 * @param permataVaNumber the Permata virtual account number
 * @param billKey Mandiri bill key
 * @param billerCode Mandiri biller code
 * @param paymentCode convenience store payment code
 * @param store convenience store
 * @param qrString raw QRIS payload, to render as a QR code
 * @param acquirer QRIS acquirer
 * @param issuer QRIS issuer (the app that paid)
 * @param transactionType QRIS {@code on-us} or {@code off-us}
 * @param actions follow-up links: QR image, deeplink, status, cancel
 * @param redirectUrl where to send the customer (3DS page, Akulaku, Kredivo)
 * @param maskedCard card number as first 6 or 8 and last 4 digits
 * @param bank the card's acquiring bank
 * @param cardType {@code credit} or {@code debit}
 * @param approvalCode the bank's approval code
 * @param eci 3DS electronic commerce indicator
 * @param channelResponseCode the bank's response code, such as {@code "00"} or
 * {@code "05"}
 * @param channelResponseMessage the bank's response message
 * @param threeDsVersion 3DS version used
 * @param installmentTerm installment months
 * @param savedTokenId token for one-click payments, when saving was requested
 * @param savedTokenIdExpiredAt when that token expires
 * @param paymentOptionType GoPay option used: {@code GOPAY_WALLET}, {@code PAY_LATER} ...
 * @param refundAmount total refunded so far
 * @param refunds the refunds made
 * @param paymentAmounts payments received (virtual accounts)
 * @param customField1 first custom field sent with the charge
 * @param customField2 second custom field
 * @param customField3 third custom field
 * @param metadata metadata sent with the charge
 * @param signatureKey signature of a notification or status answer
 * @param raw the complete body
 * @since 0.1.0
 */
public record TransactionResponse(@Nullable String statusCode, @Nullable String statusMessage,
		@Nullable String transactionId, @Nullable String orderId, @Nullable String merchantId,
		@Nullable BigDecimal grossAmount, @Nullable String currency, @Nullable PaymentType paymentType,
		@Nullable OffsetDateTime transactionTime, @Nullable TransactionStatus transactionStatus,
		@Nullable FraudStatus fraudStatus, @Nullable OffsetDateTime expiryTime, @Nullable OffsetDateTime settlementTime,
		List<VaNumber> vaNumbers, @Nullable String permataVaNumber, @Nullable String billKey,
		@Nullable String billerCode, @Nullable String paymentCode, @Nullable Store store, @Nullable String qrString,
		@Nullable String acquirer, @Nullable String issuer, @Nullable String transactionType, List<Action> actions,
		@Nullable String redirectUrl, @Nullable String maskedCard, @Nullable String bank, @Nullable String cardType,
		@Nullable String approvalCode, @Nullable String eci, @Nullable String channelResponseCode,
		@Nullable String channelResponseMessage, @Nullable String threeDsVersion, @Nullable Integer installmentTerm,
		@Nullable String savedTokenId, @Nullable OffsetDateTime savedTokenIdExpiredAt,
		@Nullable String paymentOptionType, @Nullable BigDecimal refundAmount, List<Refund> refunds,
		List<PaymentAmount> paymentAmounts, @Nullable String customField1, @Nullable String customField2,
		@Nullable String customField3, Map<String, Object> metadata, @Nullable String signatureKey,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	public TransactionResponse {
		vaNumbers = (vaNumbers != null) ? List.copyOf(vaNumbers) : List.of();
		actions = (actions != null) ? List.copyOf(actions) : List.of();
		refunds = (refunds != null) ? List.copyOf(refunds) : List.of();
		paymentAmounts = (paymentAmounts != null) ? List.copyOf(paymentAmounts) : List.of();
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : Map.of();
	}

	/**
	 * The number the customer pays to, whichever field the method uses: the first
	 * {@code va_numbers} entry, the Permata VA number, or the Mandiri bill key.
	 * @return the number, or {@code null} for methods without one
	 */
	public @Nullable String paymentNumber() {
		if (!this.vaNumbers.isEmpty()) {
			return this.vaNumbers.get(0).vaNumber();
		}
		if (this.permataVaNumber != null) {
			return this.permataVaNumber;
		}
		if (this.billKey != null) {
			return this.billKey;
		}
		return this.paymentCode;
	}

	/**
	 * Find an action link by name, such as {@code generate-qr-code} or
	 * {@code deeplink-redirect}.
	 * @param name the action name
	 * @return the action, if present
	 */
	public Optional<Action> action(String name) {
		return this.actions.stream().filter((action) -> name.equals(action.name())).findFirst();
	}

	/**
	 * Whether Midtrans considers the money received: {@code settlement}, or
	 * {@code capture} with fraud verdict {@code accept} (or none).
	 * @return {@code true} when paid
	 */
	@JsonIgnore
	public boolean isPaid() {
		boolean acceptable = this.fraudStatus == null || this.fraudStatus == FraudStatus.ACCEPT;
		return acceptable && (this.transactionStatus == TransactionStatus.SETTLEMENT
				|| this.transactionStatus == TransactionStatus.CAPTURE);
	}

	@Override
	public String toString() {
		return "TransactionResponse[orderId=" + this.orderId + ", transactionId=" + this.transactionId + ", statusCode="
				+ this.statusCode + ", transactionStatus=" + this.transactionStatus + ", fraudStatus="
				+ this.fraudStatus + ", paymentType=" + this.paymentType + ", grossAmount=" + this.grossAmount + "]";
	}

	/**
	 * A virtual account number.
	 *
	 * @param bank the bank
	 * @param vaNumber the number
	 */
	public record VaNumber(@Nullable String bank, @Nullable String vaNumber) {

	}

	/**
	 * A follow-up link in a charge answer.
	 *
	 * @param name such as {@code generate-qr-code}, {@code deeplink-redirect},
	 * {@code get-status}, {@code cancel}
	 * @param method HTTP method
	 * @param url the link
	 * @param fields form fields, if any
	 */
	public record Action(@Nullable String name, @Nullable String method, @Nullable String url, List<String> fields) {

		public Action {
			fields = (fields != null) ? List.copyOf(fields) : List.of();
		}

	}

	/**
	 * One refund of a transaction.
	 *
	 * @param refundChargebackId Midtrans' numeric refund id
	 * @param refundChargebackUuid Midtrans' refund UUID
	 * @param refundAmount the amount
	 * @param createdAt when it was made
	 * @param reason the reason given
	 * @param refundKey the merchant's refund key
	 * @param refundMethod {@code online} or {@code offline}
	 * @param bankConfirmedAt when the bank confirmed it; the final confirmation
	 */
	public record Refund(@Nullable Long refundChargebackId, @Nullable String refundChargebackUuid,
			@Nullable BigDecimal refundAmount, @Nullable OffsetDateTime createdAt, @Nullable String reason,
			@Nullable String refundKey, @Nullable String refundMethod, @Nullable OffsetDateTime bankConfirmedAt) {

	}

	/**
	 * A payment received into a virtual account.
	 *
	 * @param paidAt when
	 * @param amount how much
	 */
	public record PaymentAmount(@Nullable OffsetDateTime paidAt, @Nullable BigDecimal amount) {

	}

}
