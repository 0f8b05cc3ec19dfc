package io.github.springmidtrans.payment;

import java.time.Duration;
import java.util.List;

import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PaymentService#createSnap(SnapRequest)} adds to every Snap checkout that
 * does not say otherwise.
 *
 * @param enabledPayments the payment methods the page offers, such as {@code bca_va} or
 * {@code other_qris}; empty for every method active on the merchant account
 * @param finishUrl where the customer's browser goes after paying
 * @param pageExpiry how long the page can be opened; {@code null} for Midtrans' 24 hours
 * @since 0.1.0
 */
public record SnapDefaults(List<String> enabledPayments, @Nullable String finishUrl, @Nullable Duration pageExpiry) {

	/** No defaults: checkouts are sent as they are. */
	public static final SnapDefaults NONE = new SnapDefaults(List.of(), null, null);

	public SnapDefaults {
		enabledPayments = (enabledPayments != null) ? List.copyOf(enabledPayments) : List.of();
		if (pageExpiry != null && (pageExpiry.isNegative() || pageExpiry.isZero())) {
			throw new IllegalArgumentException("Default Snap page expiry must be positive, got " + pageExpiry);
		}
	}

	/**
	 * The checkout with these defaults filled in where it sets nothing itself.
	 * @param request the checkout
	 * @return the checkout to send
	 */
	SnapRequest applyTo(SnapRequest request) {
		boolean payments = request.enabledPayments().isEmpty() && !this.enabledPayments.isEmpty();
		boolean finish = request.finishUrl() == null && this.finishUrl != null;
		boolean page = request.pageExpiry() == null && this.pageExpiry != null;
		if (!payments && !finish && !page) {
			return request;
		}
		SnapRequest.Builder builder = request.toBuilder();
		if (payments) {
			builder.enabledPayments(this.enabledPayments);
		}
		if (finish) {
			builder.finishUrl(this.finishUrl);
		}
		if (page && this.pageExpiry != null) {
			builder.pageExpiry(SnapPageExpiry.of(this.pageExpiry));
		}
		return builder.build();
	}

}
