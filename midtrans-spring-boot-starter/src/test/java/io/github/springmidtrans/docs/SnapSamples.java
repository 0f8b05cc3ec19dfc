package io.github.springmidtrans.docs;

import java.math.BigDecimal;
import java.util.Optional;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.GopayOptions;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.PayAccountStatus;
import io.github.springmidtrans.client.model.SnapGopayAccount;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

// The samples of docs/snap.md, exactly as shown there (JavaSamplesMirrorTests checks it).
// SnapDocumentationSamplesTests runs the controllers against the simulator; SnapCheckoutTests
// is the page's Spring test itself.

/** Section "Creating a checkout". */
@Controller
class SnapCheckoutController {

	private final PaymentService payments;

	private final String clientKey;

	SnapCheckoutController(PaymentService payments, @Value("${midtrans.client-key}") String clientKey) {
		this.payments = payments;
		this.clientKey = clientKey;
	}

	@PostMapping("/checkout/snap")
	String checkout(@RequestParam String orderId, Model model) {
		MidtransPayment payment = this.payments.createSnap(SnapRequest.builder(orderId, 150_000)
			.item(ItemDetail.of("SKU-1", "Coffee beans", 150_000, 1))
			.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
			.build());
		model.addAttribute("snapToken", payment.getSnapToken());
		model.addAttribute("clientKey", this.clientKey);
		return "checkout/snap";
	}

}

/** Section "Redirect mode". */
@Controller
class SnapRedirectController {

	private final PaymentService payments;

	SnapRedirectController(PaymentService payments) {
		this.payments = payments;
	}

	@PostMapping("/checkout/snap-redirect")
	String redirect(@RequestParam String orderId) {
		MidtransPayment payment = this.payments.createSnap(SnapRequest.builder(orderId, 150_000).build());
		return "redirect:" + payment.getSnapRedirectUrl();
	}

	@GetMapping("/checkout/finish")
	String finish(@RequestParam("order_id") String orderId, Model model) {
		MidtransPayment payment = this.payments.findByOrderId(orderId).orElseThrow();
		model.addAttribute("paid", payment.isPaid());
		model.addAttribute("status", payment.getStatus());
		model.addAttribute("vaNumber", payment.getVaNumber());
		return "checkout/finish";
	}

}

/**
 * Section "Using the client alone". It talks to the real Snap host, so the build only
 * compiles it; SnapDocumentationSamplesTests makes the same calls against the simulator.
 */
final class SnapClientSample {

	private SnapClientSample() {
	}

	static String[] createTransaction() {
		MidtransClient client = MidtransClient.builder().serverKey(System.getenv("MIDTRANS_SERVER_KEY")).build();
		SnapResponse snap = client.snap()
			.createTransaction(SnapRequest.builder("ORDER-101", 150_000)
				.enabledPayments("bca_va", "other_qris")
				.pageExpiry(SnapPageExpiry.of(30, ExpiryUnit.MINUTE))
				.build());
		String token = snap.token();
		String redirectUrl = snap.redirectUrl();
		return new String[] { token, redirectUrl };
	}

}

/**
 * Section "Linked GoPay accounts (GoPay tokenization)". It talks to the real Snap host,
 * so the build only compiles it.
 */
final class SnapGopaySample {

	private SnapGopaySample() {
	}

	static SnapRequest request(String customerRef) {
		SnapRequest request = SnapRequest.builder("ORDER-GOPAY-1", 10_000)
			.enabledPayments("gopay")
			.gopay(GopayOptions.snapTokenization("8123456789", "62").withEnforcedTokenization())
			.userId(customerRef)
			.build();
		return request;
	}

	static void account(MidtransClient client, String customerRef) {
		Optional<SnapGopayAccount> account = client.snap().gopayAccount(customerRef);
		account.ifPresent((linked) -> show(linked.balance(), linked.accountStatus()));
		client.snap().unlinkGopayAccount(customerRef);
	}

	private static void show(@Nullable BigDecimal balance, @Nullable PayAccountStatus status) {
	}

}
