package io.github.springmidtrans.docs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.BankTransferOptions;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CreditCardOptions;
import io.github.springmidtrans.client.model.CustomExpiry;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.GopayOptions;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.Store;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.task.ProcessChargeResult;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The samples of docs/payments.md, exactly as shown there, one method per block;
 * DocumentationSamplesIntegrationTests runs them against the simulator.
 */
class PaymentSamples {

	private final PaymentService payments;

	private final PaymentTaskService tasks;

	private final String tokenId;

	PaymentSamples(PaymentService payments, PaymentTaskService tasks, String tokenId) {
		this.payments = payments;
		this.tasks = tasks;
		this.tokenId = tokenId;
	}

	Instant ownExpiry() {
		MidtransPayment hourLong = payments.charge(ChargeRequest.qris("ORDER-111", 45_000)
			.customExpiry(CustomExpiry.after(60, ExpiryUnit.MINUTE))
			.build());
		Instant payBefore = hourLong.getExpiryTime();
		return payBefore;
	}

	String bankTransfer() {
		MidtransPayment bca = payments.charge(ChargeRequest.bankTransfer("ORDER-101", 150_000, Bank.BCA)
			.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
			.item(ItemDetail.of("SKU-1", "Coffee beans", 150_000, 1))
			.build());
		String vaNumber = bca.getVaNumber();
		return vaNumber;
	}

	MidtransPayment chosenVaNumber() {
		MidtransPayment fixed = payments.charge(ChargeRequest.builder(PaymentType.BANK_TRANSFER, "ORDER-102", 150_000)
			.bankTransfer(BankTransferOptions.of(Bank.BNI).withVaNumber("12345678"))
			.build());
		return fixed;
	}

	List<String> mandiriBill() {
		MidtransPayment mandiri = payments
			.charge(ChargeRequest.echannel("ORDER-103", 150_000, "Payment for", "Coffee beans").build());
		String companyCode = mandiri.getBillerCode();
		String billKey = mandiri.getBillKey();
		return List.of(companyCode, billKey);
	}

	String qris() {
		MidtransPayment qris = payments.charge(ChargeRequest.qris("ORDER-104", 45_000).build());
		String qrImageUrl = qris.getQrCodeUrl();
		return qrImageUrl;
	}

	List<String> gopay() {
		MidtransPayment gopay = payments.charge(ChargeRequest.gopay("ORDER-105", 45_000)
			.gopay(GopayOptions.callback("https://shop.example.com/orders/ORDER-105"))
			.build());
		String openTheApp = gopay.getDeeplinkUrl(); // on a phone
		String orScanThis = gopay.getQrCodeUrl(); // on a desktop
		return List.of(openTheApp, orScanThis);
	}

	String shopeepay() {
		MidtransPayment shopeepay = payments
			.charge(ChargeRequest.shopeepay("ORDER-106", 45_000, "https://shop.example.com/orders/ORDER-106").build());
		String deeplink = shopeepay.getDeeplinkUrl();
		return deeplink;
	}

	String convenienceStore() {
		MidtransPayment indomaret = payments.charge(ChargeRequest.cstore("ORDER-107", 60_000, Store.INDOMARET).build());
		String paymentCode = indomaret.getPaymentCode();
		return paymentCode;
	}

	MidtransPayment card() {
		MidtransPayment card = payments.charge(ChargeRequest.creditCard("ORDER-108", 250_000, tokenId).build());
		String threeDsPage = card.getRedirectUrl(); // send the customer here, or open it
													// in Midtrans' 3DS pop-up
		return card;
	}

	void approve() {
		payments.approve("ORDER-108"); // or payments.deny("ORDER-108")
	}

	MidtransPayment authorizeThenCaptureAfter(Runnable threeDsPassed) {
		MidtransPayment held = payments.charge(ChargeRequest.builder(PaymentType.CREDIT_CARD, "ORDER-109", 500_000)
			.creditCard(CreditCardOptions.token(tokenId).authorizeOnly())
			.build());
		// "// ..." in the page: the customer passes 3-D Secure in between.
		threeDsPassed.run();
		MidtransPayment captured = payments.capture("ORDER-109", 420_000L); // null
																			// captures
																			// the whole
																			// amount
		return captured;
	}

	MidtransRefund refund() {
		MidtransRefund refund = payments.refund("ORDER-105", new BigDecimal("15000"), "one item out of stock", false,
				"return-105-1");
		return refund;
	}

	MidtransRefund refundInTwoSteps() {
		MidtransRefund requested = payments.requestRefund("ORDER-104", new BigDecimal("45000"), "order cancelled", true,
				"cancel-104");
		MidtransRefund done = payments.executeRefund(requested.getRefundKey()); // safe to
																				// repeat
		return done;
	}

	List<MidtransPayment> cancelAndExpire() {
		MidtransPayment cancelled = payments.cancel("ORDER-103");
		MidtransPayment expired = payments.expire("ORDER-107");
		return List.of(cancelled, expired);
	}

	Optional<MidtransPayment> readStatus() {
		MidtransPayment fresh = payments.refreshStatus("ORDER-105"); // asks Midtrans,
																		// applies the
																		// answer
		Optional<MidtransPayment> stored = payments.findByOrderId("ORDER-105"); // only
																				// the
																				// database
		return stored;
	}

	boolean applyOwnAnswer(MidtransClient client, JdbcTemplate jdbc) {
		TransactionResponse answer = client.status("ORDER-101"); // an answer you read
																	// yourself
		boolean paid = payments.apply(answer, (update) -> {
			jdbc.update("update shop_order set status = ? where order_id = ?", update.payment().getStatus().name(),
					update.payment().getOrderId()); // your write, in the same transaction
			return update.payment().isPaid();
		});
		return paid;
	}

	CompletableFuture<ProcessChargeResult> chargeLater() {
		CompletableFuture<ProcessChargeResult> later = tasks
			.processChargeAsync(ChargeRequest.qris("ORDER-110", 45_000).build());
		return later;
	}

}
