package io.github.springmidtrans.payment;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomExpiry;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.GopayOptions;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.ShopeepayOptions;
import org.jspecify.annotations.Nullable;

/**
 * What {@link PaymentService} adds to every charge that does not say otherwise: where its
 * notifications go, when it expires, which payment methods are allowed, and where GoPay
 * and ShopeePay return the customer.
 *
 * @param notificationUrls up to three URLs that receive the charge's notifications
 * instead of the dashboard's ({@code X-Override-Notification}); empty for the dashboard's
 * @param expiry how long an unpaid charge stays payable, when the charge sets no custom
 * expiry (not for cards); {@code null} for Midtrans' default per method
 * @param enabledPaymentTypes the payment methods charges may use; empty for all
 * @param gopayCallbackUrl where the Gojek app returns the customer, when a GoPay charge
 * sets none
 * @param shopeepayCallbackUrl where the ShopeePay app returns the customer, when a
 * ShopeePay charge sets none
 * @since 0.1.0
 */
public record ChargeDefaults(List<String> notificationUrls, @Nullable Duration expiry,
		Set<PaymentType> enabledPaymentTypes, @Nullable String gopayCallbackUrl,
		@Nullable String shopeepayCallbackUrl) {

	/** No defaults: charges are sent as they are. */
	public static final ChargeDefaults NONE = new ChargeDefaults(List.of(), null, Set.of(), null, null);

	public ChargeDefaults {
		notificationUrls = (notificationUrls != null) ? List.copyOf(notificationUrls) : List.of();
		enabledPaymentTypes = (enabledPaymentTypes != null) ? Set.copyOf(enabledPaymentTypes) : Set.of();
		if (expiry != null && (expiry.isNegative() || expiry.isZero())) {
			throw new IllegalArgumentException("Default payment expiry must be positive, got " + expiry);
		}
	}

	/**
	 * The charge with these defaults filled in where it sets nothing itself.
	 * @param request the charge
	 * @return the charge to send
	 * @throws IllegalArgumentException when its payment method is not enabled
	 */
	ChargeRequest applyTo(ChargeRequest request) {
		PaymentType type = request.paymentType();
		if (!this.enabledPaymentTypes.isEmpty() && !this.enabledPaymentTypes.contains(type)) {
			throw new IllegalArgumentException(
					"Charge of order '" + request.orderId() + "' uses payment type " + type.wireValue()
							+ ", which is not among the enabled payment methods " + this.enabledPaymentTypes);
		}
		CustomExpiry customExpiry = request.customExpiry();
		if (customExpiry == null && this.expiry != null && type != PaymentType.CREDIT_CARD) {
			customExpiry = (this.expiry.toSecondsPart() == 0 && this.expiry.toMillisPart() == 0)
					? CustomExpiry.after(Math.toIntExact(this.expiry.toMinutes()), ExpiryUnit.MINUTE)
					: CustomExpiry.after(Math.toIntExact(this.expiry.toSeconds()), ExpiryUnit.SECOND);
		}
		GopayOptions gopay = request.gopay();
		if (type == PaymentType.GOPAY && gopay == null && this.gopayCallbackUrl != null) {
			gopay = GopayOptions.callback(this.gopayCallbackUrl);
		}
		ShopeepayOptions shopeepay = request.shopeepay();
		if (type == PaymentType.SHOPEEPAY && (shopeepay == null || shopeepay.callbackUrl() == null)
				&& this.shopeepayCallbackUrl != null) {
			shopeepay = new ShopeepayOptions(this.shopeepayCallbackUrl);
		}
		if (customExpiry == request.customExpiry() && gopay == request.gopay() && shopeepay == request.shopeepay()) {
			return request;
		}
		return new ChargeRequest(type, request.transactionDetails(), request.itemDetails(), request.customerDetails(),
				request.creditCard(), request.bankTransfer(), request.echannel(), gopay, shopeepay, request.qris(),
				request.cstore(), customExpiry, request.customField1(), request.customField2(), request.customField3(),
				request.metadata(), request.sellerDetails());
	}

}
