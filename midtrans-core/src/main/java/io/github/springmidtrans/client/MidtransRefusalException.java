package io.github.springmidtrans.client;

import java.math.BigDecimal;

import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.PayAccountStatus;
import io.github.springmidtrans.client.model.RawJson;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans, the bank or GoPay refused an action with a body {@code status_code} of
 * {@code 202}: a capture denied, a direct refund rejected by the bank, a GoPay account
 * link or unbind refused. Nothing changed at Midtrans, and the answer says so: it keeps
 * what Midtrans reported about the transaction, such as {@code transaction_status} still
 * {@code authorize} after a denied capture or still {@code settlement} after a rejected
 * refund. Not retryable: the same request would be refused again.
 *
 * @since 0.1.0
 */
public class MidtransRefusalException extends MidtransApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String transactionId;

	private final @Nullable String transactionStatus;

	private final @Nullable String fraudStatus;

	private final @Nullable String grossAmount;

	private final @Nullable String accountStatus;

	private final @Nullable String channelResponseCode;

	private final @Nullable String channelResponseMessage;

	// The parsed body is not serialized: it may be large, and it is a Jackson tree.
	private final transient @Nullable RawJson answer;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log
	 * @param operation the call that was refused
	 * @param orderId the order or resource id, if any
	 * @param httpStatus the HTTP status
	 * @param midtransStatusCode the body's {@code status_code}
	 * @param statusMessage Midtrans' own message, if any
	 * @param answer the parsed body, if any
	 */
	public MidtransRefusalException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage,
			@Nullable RawJson answer) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage);
		this.answer = answer;
		this.transactionId = text(answer, "transaction_id");
		this.transactionStatus = text(answer, "transaction_status");
		this.fraudStatus = text(answer, "fraud_status");
		this.grossAmount = text(answer, "gross_amount");
		this.accountStatus = text(answer, "account_status");
		this.channelResponseCode = text(answer, "channel_response_code");
		this.channelResponseMessage = text(answer, "channel_response_message");
	}

	/**
	 * The state Midtrans reported for the transaction along with the refusal, such as
	 * {@link TransactionStatus#AUTHORIZE} after a denied capture or
	 * {@link TransactionStatus#SETTLEMENT} after a rejected direct refund.
	 * @return the state, {@link TransactionStatus#UNKNOWN} for a value this version does
	 * not know, or {@code null} when the answer had none (pay account refusals)
	 */
	public @Nullable TransactionStatus getTransactionStatus() {
		return TransactionStatus.fromWireValue(this.transactionStatus);
	}

	/**
	 * The fraud verdict Midtrans reported along with the refusal.
	 * @return the verdict, or {@code null} when the answer had none
	 */
	public @Nullable FraudStatus getFraudStatus() {
		return FraudStatus.fromWireValue(this.fraudStatus);
	}

	/**
	 * Midtrans' id of the transaction the refusal is about.
	 * @return the id, or {@code null} when the answer had none
	 */
	public @Nullable String getTransactionId() {
		return this.transactionId;
	}

	/**
	 * The transaction's amount as Midtrans reported it.
	 * @return the amount, or {@code null} when the answer had none or it is not a number
	 */
	public @Nullable BigDecimal getGrossAmount() {
		if (this.grossAmount == null) {
			return null;
		}
		try {
			return new BigDecimal(this.grossAmount.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The pay account's state reported with a refused link or unbind.
	 * @return the state, or {@code null} when the answer had none
	 */
	public @Nullable PayAccountStatus getAccountStatus() {
		return PayAccountStatus.fromWireValue(this.accountStatus);
	}

	/**
	 * The bank's or GoPay's response code, such as {@code "105"} (user not found).
	 * @return the code, or {@code null} when the answer had none
	 */
	public @Nullable String getChannelResponseCode() {
		return this.channelResponseCode;
	}

	/**
	 * The bank's or GoPay's response message.
	 * @return the message, or {@code null} when the answer had none
	 */
	public @Nullable String getChannelResponseMessage() {
		return this.channelResponseMessage;
	}

	/**
	 * The complete body Midtrans answered. Its {@code toString()} lists field names only.
	 * @return the body, or {@code null} when there was none (or after deserialization)
	 */
	public @Nullable RawJson getAnswer() {
		return this.answer;
	}

	private static @Nullable String text(@Nullable RawJson answer, String field) {
		if (answer == null || !answer.node().isObject()) {
			return null;
		}
		var value = answer.node().get(field);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

}
