package io.github.springmidtrans.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The payment link of a {@code payment_link} invoice ({@code payment_link}). Without a
 * custom expiry the link expires at the invoice's due date.
 *
 * @param customExpiry whether {@link #expiry()} applies ({@code is_custom_expiry})
 * @param enabledPayments the payment methods offered, such as {@code bca_va} or
 * {@code credit_card} (required)
 * @param expiry when the link expires, within two years
 * @param callbacks where the customer is sent after paying
 * @since 0.1.0
 */
public record InvoicePaymentLink(@JsonProperty("is_custom_expiry") boolean customExpiry, List<String> enabledPayments,
		@Nullable LinkExpiry expiry, @Nullable Callbacks callbacks) {

	public InvoicePaymentLink {
		enabledPayments = (enabledPayments != null) ? List.copyOf(enabledPayments) : List.of();
		if (enabledPayments.isEmpty()) {
			throw new IllegalArgumentException("Invoice payment link needs at least one enabled payment");
		}
		if (customExpiry && expiry == null) {
			throw new IllegalArgumentException("Invoice payment link with a custom expiry needs the expiry");
		}
		if (callbacks != null && callbacks.finish() != null && !callbacks.finish().startsWith("https://")) {
			throw new IllegalArgumentException("Invoice payment link finish callback must be an https URL");
		}
	}

	/**
	 * A link offering these methods that expires at the due date.
	 * @param enabledPayments the payment methods
	 * @return the payment link
	 */
	public static InvoicePaymentLink of(String... enabledPayments) {
		return new InvoicePaymentLink(false, List.of(enabledPayments), null, null);
	}

	/**
	 * Copy with a custom expiry.
	 * @param expiry the expiry
	 * @return a new payment link
	 */
	public InvoicePaymentLink withExpiry(LinkExpiry expiry) {
		return new InvoicePaymentLink(true, this.enabledPayments, expiry, this.callbacks);
	}

	/**
	 * Copy with a finish redirect.
	 * @param finishUrl an https URL
	 * @return a new payment link
	 */
	public InvoicePaymentLink withFinishUrl(String finishUrl) {
		return new InvoicePaymentLink(this.customExpiry, this.enabledPayments, this.expiry,
				Callbacks.finish(finishUrl));
	}

}
